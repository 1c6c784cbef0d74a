'use strict'

// TransactWriteItems as API_TransactWriteItems and the developer guide's "transaction-apis" page describe it.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { startServer, errorName, uniqueName } = require('./helpers')

const S = (value) => ({ S: value })
const N = (value) => ({ N: String(value) })

describe('TransactWriteItems', () => {
  let server
  let table

  before(async () => {
    server = await startServer()
  })
  after(async () => { await server.stop() })

  async function freshTable (extra) {
    table = uniqueName('orders')
    await server.createSimpleTable(table, extra)
    return table
  }

  function put (item, extra) {
    return { Put: Object.assign({ TableName: table, Item: item }, extra) }
  }
  function update (pk, expression, values, extra) {
    return {
      Update: Object.assign({ TableName: table, Key: { pk: S(pk) }, UpdateExpression: expression, ExpressionAttributeValues: values }, extra),
    }
  }
  function check (pk, condition, values, extra) {
    return {
      ConditionCheck: Object.assign({ TableName: table, Key: { pk: S(pk) }, ConditionExpression: condition, ExpressionAttributeValues: values }, extra),
    }
  }
  function remove (pk, extra) {
    return { Delete: Object.assign({ TableName: table, Key: { pk: S(pk) } }, extra) }
  }
  function transact (items, extra) {
    return server.call('TransactWriteItems', Object.assign({ TransactItems: items }, extra))
  }
  async function seed (item) {
    await server.ok('PutItem', { TableName: table, Item: item })
  }

  describe('when every condition holds', () => {
    it('applies all four kinds of action', async () => {
      await freshTable()
      await seed({ pk: S('milk'), stock: N(10) })
      await seed({ pk: S('old-order'), qty: N(1) })
      await seed({ pk: S('vendor'), active: { BOOL: true } })

      const result = await transact([
        update('milk', 'SET stock = stock - :q', { ':q': N(3) }, { ConditionExpression: 'stock >= :q' }),
        put({ pk: S('order-1'), qty: N(3) }, { ConditionExpression: 'attribute_not_exists(pk)' }),
        remove('old-order', { ConditionExpression: 'attribute_exists(pk)' }),
        check('vendor', 'active = :yes', { ':yes': { BOOL: true } }),
      ])

      assert.equal(result.status, 200, JSON.stringify(result.body))
      assert.deepEqual(result.body, {})
      assert.deepEqual(await server.getItem(table, 'milk'), { pk: S('milk'), stock: N(7) })
      assert.deepEqual(await server.getItem(table, 'order-1'), { pk: S('order-1'), qty: N(3) })
      assert.equal(await server.getItem(table, 'old-order'), undefined)
      assert.deepEqual(await server.getItem(table, 'vendor'), { pk: S('vendor'), active: { BOOL: true } })
    })

    it('creates the item an Update targets when it does not exist, like UpdateItem', async () => {
      await freshTable()
      const result = await transact([ update('new', 'SET stock = :n', { ':n': N(4) }) ])
      assert.equal(result.status, 200)
      assert.deepEqual(await server.getItem(table, 'new'), { pk: S('new'), stock: N(4) })
    })

    it('spans several tables', async () => {
      const first = await freshTable()
      const second = await freshTable()
      const result = await transact([
        { Put: { TableName: first, Item: { pk: S('a') } } },
        { Put: { TableName: second, Item: { pk: S('a') } } },
      ])
      assert.equal(result.status, 200)
      assert.ok(await server.getItem(first, 'a'))
      assert.ok(await server.getItem(second, 'a'))
    })
  })

  describe('when a condition is false', () => {
    it('is cancelled with one reason per action, in order, and writes nothing', async () => {
      await freshTable()
      await seed({ pk: S('milk'), stock: N(2) })

      const result = await transact([
        put({ pk: S('order-9') }),
        update('milk', 'SET stock = stock - :q', { ':q': N(5) }, { ConditionExpression: 'stock >= :q' }),
        put({ pk: S('order-10') }),
      ])

      assert.equal(result.status, 400)
      assert.equal(errorName(result.body), 'TransactionCanceledException')
      assert.equal(result.body.message,
        'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None]')
      assert.deepEqual(result.body.CancellationReasons, [
        { Code: 'None' },
        { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
        { Code: 'None' },
      ])
      assert.equal(await server.getItem(table, 'order-9'), undefined)
      assert.equal(await server.getItem(table, 'order-10'), undefined)
      assert.deepEqual(await server.getItem(table, 'milk'), { pk: S('milk'), stock: N(2) })
    })

    it('reports every failed condition, not only the first', async () => {
      await freshTable()
      await seed({ pk: S('a'), n: N(1) })
      await seed({ pk: S('b'), n: N(1) })
      const result = await transact([
        check('a', 'n > :n', { ':n': N(5) }),
        check('b', 'n > :n', { ':n': N(5) }),
      ])
      assert.deepEqual(result.body.CancellationReasons.map((reason) => reason.Code), [ 'ConditionalCheckFailed', 'ConditionalCheckFailed' ])
    })

    it('returns the item with ReturnValuesOnConditionCheckFailure=ALL_OLD, and only then', async () => {
      await freshTable()
      await seed({ pk: S('milk'), stock: N(1) })
      await seed({ pk: S('curd'), stock: N(1) })

      const result = await transact([
        check('milk', 'stock > :n', { ':n': N(5) }, { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
        check('curd', 'stock > :n', { ':n': N(5) }, { ReturnValuesOnConditionCheckFailure: 'NONE' }),
        put({ pk: S('ghee') }, { ConditionExpression: 'attribute_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
      ])

      assert.deepEqual(result.body.CancellationReasons, [
        { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: S('milk'), stock: N(1) } },
        { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
        // ALL_OLD, but there is no old item to return.
        { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
      ])
    })

    it('evaluates a Put or Delete condition against the item stored under the same key', async () => {
      await freshTable()
      await seed({ pk: S('taken'), owner: S('someone') })
      const result = await transact([
        put({ pk: S('taken'), owner: S('me') }, { ConditionExpression: 'attribute_not_exists(pk)' }),
        remove('absent', { ConditionExpression: 'attribute_exists(pk)' }),
      ])
      assert.deepEqual(result.body.CancellationReasons.map((reason) => reason.Code), [ 'ConditionalCheckFailed', 'ConditionalCheckFailed' ])
      assert.deepEqual(await server.getItem(table, 'taken'), { pk: S('taken'), owner: S('someone') })
    })
  })

  describe('when an update cannot be applied to the stored item', () => {
    it('is cancelled with a ValidationError reason and undoes the writes already made', async () => {
      await freshTable()
      await seed({ pk: S('milk'), stock: S('not a number') })
      await seed({ pk: S('curd'), stock: N(3) })

      const result = await transact([
        put({ pk: S('order-1') }),
        update('curd', 'SET stock = stock - :q', { ':q': N(1) }),
        update('milk', 'SET stock = stock - :q', { ':q': N(1) }),
      ])

      assert.equal(errorName(result.body), 'TransactionCanceledException')
      assert.deepEqual(result.body.CancellationReasons, [
        { Code: 'None' },
        { Code: 'None' },
        { Code: 'ValidationError', Message: 'An operand in the update expression has an incorrect data type' },
      ])
      assert.equal(await server.getItem(table, 'order-1'), undefined)
      assert.deepEqual(await server.getItem(table, 'curd'), { pk: S('curd'), stock: N(3) })
    })

    it('is cancelled when an update would grow the item past 400 KB', async () => {
      await freshTable()
      await seed({ pk: S('big'), blob: S('x'.repeat(300 * 1024)) })
      const result = await transact([
        put({ pk: S('order-1') }),
        update('big', 'SET more = :more', { ':more': S('y'.repeat(150 * 1024)) }),
      ])
      assert.deepEqual(result.body.CancellationReasons.map((reason) => reason.Code), [ 'None', 'ValidationError' ])
      assert.equal(await server.getItem(table, 'order-1'), undefined)
      assert.equal((await server.getItem(table, 'big')).more, undefined)
    })
  })

  describe('request validation (ValidationException for the whole request, nothing written)', () => {
    async function assertRejected (items, pattern, extra) {
      const result = await transact(items, extra)
      assert.equal(result.status, 400)
      assert.equal(errorName(result.body), 'ValidationException', JSON.stringify(result.body))
      if (pattern) assert.match(result.body.message, pattern)
      return result
    }

    it('accepts 100 actions', async () => {
      await freshTable()
      const items = Array.from({ length: 100 }, (_, i) => put({ pk: S('item-' + i) }))
      const result = await transact(items)
      assert.equal(result.status, 200, JSON.stringify(result.body))
      const { Count } = await server.ok('Scan', { TableName: table, Select: 'COUNT' })
      assert.equal(Count, 100)
    })

    it('rejects 101 actions', async () => {
      await freshTable()
      const items = Array.from({ length: 101 }, (_, i) => put({ pk: S('item-' + i) }))
      await assertRejected(items,
        /^1 validation error detected: Value '\[.*\]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100$/)
      const { Count } = await server.ok('Scan', { TableName: table, Select: 'COUNT' })
      assert.equal(Count, 0)
    })

    it('rejects an empty transaction', async () => {
      await assertRejected([], /Member must have length greater than or equal to 1/)
    })

    it('rejects two actions on the same item', async () => {
      await freshTable()
      await assertRejected([
        put({ pk: S('milk'), stock: N(1) }),
        check('milk', 'attribute_not_exists(pk)'),
      ], /^Transaction request cannot include multiple operations on one item$/)
      assert.equal(await server.getItem(table, 'milk'), undefined)
    })

    it('allows the same key in two different tables', async () => {
      const first = await freshTable()
      const second = await freshTable()
      const result = await transact([
        { Put: { TableName: first, Item: { pk: S('same') } } },
        { Delete: { TableName: second, Key: { pk: S('same') } } },
      ])
      assert.equal(result.status, 200)
    })

    it('rejects an entry with no action or with two actions', async () => {
      await freshTable()
      await assertRejected([ {} ], /TransactItems can only contain one of Check, Put, Update or Delete/)
      await assertRejected([ null ], /TransactItems can only contain one of Check, Put, Update or Delete/)
      await assertRejected([ Object.assign(put({ pk: S('a') }), remove('b')) ],
        /TransactItems can only contain one of Check, Put, Update or Delete/)
    })

    it('rejects a missing table name, key or expression with the member path', async () => {
      await freshTable()
      await assertRejected([ { Put: { Item: { pk: S('a') } } } ], /Value null at 'transactItems.1.member.put.tableName'/)
      await assertRejected([ put({ pk: S('a') }), { Delete: { TableName: table } } ], /Value null at 'transactItems.2.member.delete.key'/)
      await assertRejected([ { ConditionCheck: { TableName: table, Key: { pk: S('a') } } } ],
        /Value null at 'transactItems.1.member.conditionCheck.conditionExpression'/)
      await assertRejected([ { Update: { TableName: table, Key: { pk: S('a') } } } ],
        /Value null at 'transactItems.1.member.update.updateExpression'/)
    })

    it('rejects a key that does not match the key schema', async () => {
      await freshTable()
      await assertRejected([ { Delete: { TableName: table, Key: { id: S('a') } } } ], /The provided key element does not match the schema/)
      await assertRejected([ put({ id: S('a') }) ], /Missing the key pk in the item/)
    })

    it('rejects an update of a key attribute', async () => {
      await freshTable()
      await assertRejected([ update('a', 'SET pk = :b', { ':b': S('b') }) ], /Cannot update attribute pk. This attribute is part of the key/)
    })

    it('rejects a malformed expression and unused expression values', async () => {
      await freshTable()
      await assertRejected([ check('a', 'stock >>= :n', { ':n': N(1) }) ], /Invalid ConditionExpression/)
      await assertRejected([ update('a', 'SET stock = :n', { ':n': N(1), ':unused': N(2) }) ],
        /Value provided in ExpressionAttributeValues unused in expressions/)
    })

    it('rejects a table that does not exist with ResourceNotFoundException', async () => {
      const result = await transact([ { Put: { TableName: uniqueName('missing'), Item: { pk: S('a') } } } ])
      assert.equal(errorName(result.body), 'ResourceNotFoundException')
    })

    it('rejects a transaction whose items add up to more than 4 MB', async () => {
      await freshTable()
      const blob = 'x'.repeat(390 * 1024)
      const items = Array.from({ length: 11 }, (_, i) => put({ pk: S('big-' + i), blob: S(blob) }))
      await assertRejected(items, /4 MB/)
      const { Count } = await server.ok('Scan', { TableName: table, Select: 'COUNT' })
      assert.equal(Count, 0)
      // Ten of them stay under the limit.
      const result = await transact(items.slice(0, 10))
      assert.equal(result.status, 200, JSON.stringify(result.body))
    })

    it('rejects a ClientRequestToken longer than 36 characters', async () => {
      await freshTable()
      await assertRejected([ put({ pk: S('a') }) ], /clientRequestToken/, { ClientRequestToken: 'x'.repeat(37) })
    })

    it('rejects an unknown ReturnValuesOnConditionCheckFailure', async () => {
      await freshTable()
      await assertRejected([ put({ pk: S('a') }, { ReturnValuesOnConditionCheckFailure: 'ALL_NEW' }) ],
        /transactItems.1.member.put.returnValuesOnConditionCheckFailure/)
    })
  })

  describe('ClientRequestToken', () => {
    it('makes a repeated request succeed without applying it again', async () => {
      await freshTable()
      await seed({ pk: S('counter'), n: N(0) })
      const request = [ update('counter', 'SET n = n + :one', { ':one': N(1) }) ]

      const first = await transact(request, { ClientRequestToken: 'order-42' })
      const second = await transact(request, { ClientRequestToken: 'order-42' })

      assert.equal(first.status, 200)
      assert.equal(second.status, 200)
      assert.deepEqual(await server.getItem(table, 'counter'), { pk: S('counter'), n: N(1) })
    })

    it('rejects the same token with a different request', async () => {
      await freshTable()
      await seed({ pk: S('counter'), n: N(0) })
      await transact([ update('counter', 'SET n = n + :one', { ':one': N(1) }) ], { ClientRequestToken: 'token-a' })

      const result = await transact([ update('counter', 'SET n = n + :one', { ':one': N(2) }) ], { ClientRequestToken: 'token-a' })

      assert.equal(result.status, 400)
      assert.equal(errorName(result.body), 'IdempotentParameterMismatchException')
      assert.deepEqual(await server.getItem(table, 'counter'), { pk: S('counter'), n: N(1) })
    })

    it('reports read capacity for a replay, since it only reads', async () => {
      await freshTable()
      const request = [ put({ pk: S('a') }) ]
      const first = await transact(request, { ClientRequestToken: 'capacity-token', ReturnConsumedCapacity: 'TOTAL' })
      const replay = await transact(request, { ClientRequestToken: 'capacity-token', ReturnConsumedCapacity: 'TOTAL' })
      assert.deepEqual(first.body.ConsumedCapacity, [ { TableName: table, CapacityUnits: 2, WriteCapacityUnits: 2 } ])
      assert.deepEqual(replay.body.ConsumedCapacity, [ { TableName: table, CapacityUnits: 2, ReadCapacityUnits: 2 } ])
    })
  })

  describe('ReturnConsumedCapacity', () => {
    it('charges 2 write units per KB written and 2 read units per 4 KB checked, per table', async () => {
      const first = await freshTable()
      await seed({ pk: S('vendor'), active: { BOOL: true } })
      const second = await freshTable()
      table = first

      const result = await transact([
        // 2 + 5 + 4 + 1500 bytes: 2 KB, 4 units.
        { Put: { TableName: first, Item: { pk: S('large'), data: S('x'.repeat(1500)) } } },
        // Under 1 KB: 2 units.
        { Put: { TableName: second, Item: { pk: S('small') } } },
        // A condition check reads: 2 units.
        check('vendor', 'active = :yes', { ':yes': { BOOL: true } }),
      ], { ReturnConsumedCapacity: 'TOTAL' })

      assert.equal(result.status, 200)
      assert.deepEqual(result.body.ConsumedCapacity, [
        { TableName: first, CapacityUnits: 6, ReadCapacityUnits: 2, WriteCapacityUnits: 4 },
        { TableName: second, CapacityUnits: 2, WriteCapacityUnits: 2 },
      ])
    })

    it('charges the larger of the item before and after the write', async () => {
      await freshTable()
      await seed({ pk: S('shrinking'), data: S('x'.repeat(3000)) })
      const result = await transact([ put({ pk: S('shrinking') }) ], { ReturnConsumedCapacity: 'TOTAL' })
      assert.deepEqual(result.body.ConsumedCapacity, [ { TableName: table, CapacityUnits: 6, WriteCapacityUnits: 6 } ])
    })

    it('breaks the figure down by table and global secondary index with INDEXES', async () => {
      await freshTable({
        AttributeDefinitions: [ { AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'status', AttributeType: 'S' } ],
        GlobalSecondaryIndexes: [ {
          IndexName: 'by-status',
          KeySchema: [ { AttributeName: 'status', KeyType: 'HASH' } ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        } ],
      })

      const created = await transact([ put({ pk: S('order-1'), status: S('NEW') }) ], { ReturnConsumedCapacity: 'INDEXES' })
      assert.deepEqual(created.body.ConsumedCapacity, [ {
        TableName: table,
        CapacityUnits: 4,
        WriteCapacityUnits: 4,
        Table: { CapacityUnits: 2, WriteCapacityUnits: 2 },
        GlobalSecondaryIndexes: { 'by-status': { CapacityUnits: 2, WriteCapacityUnits: 2 } },
      } ])

      // The index key changes: the old entry is deleted and a new one written.
      const moved = await transact([ update('order-1', 'SET #s = :s', { ':s': S('PAID') }, { ExpressionAttributeNames: { '#s': 'status' } }) ],
        { ReturnConsumedCapacity: 'INDEXES' })
      assert.deepEqual(moved.body.ConsumedCapacity[0].GlobalSecondaryIndexes, { 'by-status': { CapacityUnits: 4, WriteCapacityUnits: 4 } })
      assert.equal(moved.body.ConsumedCapacity[0].CapacityUnits, 6)

      // An attribute the index does not project: no index write.
      const untouched = await transact([ update('order-1', 'SET note = :n', { ':n': S('ring twice') }) ], { ReturnConsumedCapacity: 'INDEXES' })
      assert.deepEqual(untouched.body.ConsumedCapacity, [ {
        TableName: table, CapacityUnits: 2, WriteCapacityUnits: 2, Table: { CapacityUnits: 2, WriteCapacityUnits: 2 },
      } ])
    })

    it('is absent unless asked for', async () => {
      await freshTable()
      const result = await transact([ put({ pk: S('a') }) ], { ReturnConsumedCapacity: 'NONE' })
      assert.deepEqual(result.body, {})
    })
  })
})

describe('TransactWriteItems ClientRequestToken window', () => {
  it('treats the token as new once the window has passed', async () => {
    const server = await startServer([ '--idempotencyWindowMs', '300' ])
    try {
      const table = uniqueName('tokens')
      await server.createSimpleTable(table)
      const request = (n) => ({
        ClientRequestToken: 'short-lived',
        TransactItems: [ { Put: { TableName: table, Item: { pk: S('a'), n: N(n) } } } ],
      })
      assert.equal((await server.call('TransactWriteItems', request(1))).status, 200)
      assert.equal(errorName((await server.call('TransactWriteItems', request(2))).body), 'IdempotentParameterMismatchException')
      await new Promise((resolve) => setTimeout(resolve, 400))
      assert.equal((await server.call('TransactWriteItems', request(2))).status, 200)
      assert.deepEqual(await server.getItem(table, 'a'), { pk: S('a'), n: N(2) })
    }
    finally {
      await server.stop()
    }
  })
})
