package com.milkrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.orders.OrderSteps;
import com.milkrun.workflow.engine.StateMachine;
import org.junit.jupiter.api.Test;

class OrderWorkflowTest {
    @Test
    void the_order_workflow_is_the_packaged_definition_from_infra_with_a_handler_for_every_task() {
        StateMachine machine = OrderWorkflow.machine();

        assertThat(OrderWorkflow.NAME).isEqualTo("OrderProcessing");
        assertThat(OrderWorkflow.definition()).contains("\"StartAt\": \"NotifyVendors\"");
        assertThat(machine.startAt()).isEqualTo("NotifyVendors");
        assertThat(machine.taskNames()).containsExactlyInAnyOrder(OrderSteps.NOTIFY_VENDORS,
                OrderSteps.UPDATE_ORDER_STATUS, OrderSteps.NOTIFY_CUSTOMER, OrderSteps.HANDLE_ORDER_FAILURE,
                OrderSteps.RELEASE_INVENTORY);
    }
}
