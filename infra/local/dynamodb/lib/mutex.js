'use strict'

/**
 * A first-come, first-served reader/writer lock for async code.
 *
 * The server puts every item write (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems)
 * and every table change under the exclusive side, and every item read (GetItem, BatchGetItem, Query, Scan,
 * TransactGetItems) under the shared side. So a TransactWriteItems runs alone from its first condition check
 * to its last write, and no reader can observe it half applied: the isolation DynamoDB documents as
 * "serializable" between a transaction and the single-item operations.
 *
 * Waiters are granted strictly in arrival order: a writer that is waiting blocks readers that arrive after it,
 * so a stream of reads cannot starve a write.
 */
class ReadWriteMutex {
  constructor () {
    this.readers = 0
    this.writing = false
    this.waiting = []
  }

  /**
   * Waits for the lock. mode is 'exclusive' or 'shared'. Resolves to a release function, which may be called
   * more than once (the later calls do nothing).
   */
  acquire (mode) {
    if (mode !== 'exclusive' && mode !== 'shared') throw new Error('Unknown lock mode: ' + mode)
    return new Promise((resolve) => {
      this.waiting.push({ mode, grant: () => resolve(this.releaser(mode)) })
      this.grantWaiting()
    })
  }

  /** Runs fn (sync or async) holding the lock in the given mode, and releases it however fn ends. */
  async run (mode, fn) {
    const release = await this.acquire(mode)
    try {
      return await fn()
    }
    finally {
      release()
    }
  }

  releaser (mode) {
    let released = false
    return () => {
      if (released) return
      released = true
      if (mode === 'exclusive') this.writing = false
      else this.readers--
      this.grantWaiting()
    }
  }

  grantWaiting () {
    while (this.waiting.length) {
      const next = this.waiting[0]
      if (next.mode === 'exclusive') {
        if (this.writing || this.readers > 0) return
        this.writing = true
      }
      else {
        if (this.writing) return
        this.readers++
      }
      this.waiting.shift()
      next.grant()
    }
  }
}

module.exports = { ReadWriteMutex }
