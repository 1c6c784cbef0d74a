package com.milkrun.store.dynamo.workflow;

import com.milkrun.contract.WorkflowStoreContract;
import com.milkrun.store.dynamo.testing.DynamoTables;
import com.milkrun.workflow.WorkflowStore;
import org.junit.jupiter.api.BeforeEach;

class DynamoWorkflowStoreTest extends WorkflowStoreContract {
    private WorkflowStore store;

    @BeforeEach
    void freshStore() {
        store = new DynamoWorkflowStore(DynamoTables.client(), DynamoTables.fresh(DynamoWorkflowStore.TABLE));
    }

    @Override
    protected WorkflowStore store() {
        return store;
    }
}
