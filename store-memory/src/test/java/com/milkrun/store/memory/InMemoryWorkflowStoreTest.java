package com.milkrun.store.memory;

import com.milkrun.contract.WorkflowStoreContract;
import com.milkrun.workflow.WorkflowStore;
import org.junit.jupiter.api.BeforeEach;

class InMemoryWorkflowStoreTest extends WorkflowStoreContract {
    private InMemoryWorkflowStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryWorkflowStore();
    }

    @Override
    protected WorkflowStore store() {
        return store;
    }
}
