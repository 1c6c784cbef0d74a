'use strict'

// Serializability: transactions against each other, against plain single-item writes, and against
// TransactGetItems readers. The requests really run concurrently (many HTTP connections at once); the
// invariants hold only if no write comes between a transaction's condition checks and its writes, and no
// reader sees a transaction half applied.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { startServer, errorName, uniqueName } = require('./helpers')

const S = (value) => ({ S: value })
const N = (value) => ({ N: String(value) })

describe('isolation', () => {
  let server
  before(async () => { server = await startServer() })
  after(async () => { await server.stop() })

  it('never oversells a counter that concurrent transactions and UpdateItems decrement', async () => {
    const table = uniqueName('stock')
    await server.createSimpleTable(table)
    const initialStock = 60
    await server.ok('PutItem', { TableName: table, Item: { pk: S('milk'), stock: N(initialStock) } })

    const decrement = (quantity) => ({
      TableName: table,
      Key: { pk: S('milk') },
      UpdateExpression: 'SET stock = stock - :q',
      ConditionExpression: 'stock >= :q',
      ExpressionAttributeValues: { ':q': N(quantity) },
    })

    let lowestSeen = Infinity
    let running = true
    const watcher = (async () => {
      while (running) {
        const item = await server.getItem(table, 'milk')
        lowestSeen = Math.min(lowestSeen, Number(item.stock.N))
      }
    })()

    const attempts = Array.from({ length: 120 }, (_, i) => {
      const quantity = 1 + (i % 3)
      if (i % 6 === 5) {
        // A plain conditional UpdateItem, outside any transaction.
        return server.call('UpdateItem', decrement(quantity)).then((result) => ({ result, quantity, order: null }))
      }
      const order = 'order-' + i
      return server.call('TransactWriteItems', {
        TransactItems: [
          { Update: decrement(quantity) },
          { Put: { TableName: table, Item: { pk: S(order), qty: N(quantity) }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }).then((result) => ({ result, quantity, order }))
    })
    const outcomes = await Promise.all(attempts)
    running = false
    await watcher

    let sold = 0
    let transactionsCommitted = 0
    for (const { result, quantity, order } of outcomes) {
      if (result.status === 200) {
        sold += quantity
        if (order) transactionsCommitted++
        continue
      }
      const name = errorName(result.body)
      if (order) {
        assert.equal(name, 'TransactionCanceledException', JSON.stringify(result.body))
        assert.deepEqual(result.body.CancellationReasons.map((reason) => reason.Code), [ 'ConditionalCheckFailed', 'None' ])
      }
      else {
        assert.equal(name, 'ConditionalCheckFailedException', JSON.stringify(result.body))
      }
    }

    const finalStock = Number((await server.getItem(table, 'milk')).stock.N)
    const orders = (await server.ok('Scan', { TableName: table, FilterExpression: 'begins_with(pk, :p)', ExpressionAttributeValues: { ':p': S('order-') } })).Items
    assert.ok(finalStock >= 0, 'stock went negative: ' + finalStock)
    assert.ok(lowestSeen >= 0, 'a reader saw negative stock: ' + lowestSeen)
    assert.equal(finalStock, initialStock - sold)
    assert.equal(orders.length, transactionsCommitted)
    assert.ok(finalStock < 3, 'the demand exceeds the stock, so it must be (nearly) sold out, not ' + finalStock)
    assert.ok(transactionsCommitted > 0)
  })

  it('shows TransactGetItems readers either all or none of each transfer', async () => {
    const table = uniqueName('accounts')
    await server.createSimpleTable(table)
    await server.ok('PutItem', { TableName: table, Item: { pk: S('a'), balance: N(100) } })
    await server.ok('PutItem', { TableName: table, Item: { pk: S('b'), balance: N(0) } })

    const transfer = () => server.call('TransactWriteItems', {
      TransactItems: [
        { Update: { TableName: table, Key: { pk: S('a') }, UpdateExpression: 'SET balance = balance - :x', ConditionExpression: 'balance >= :x', ExpressionAttributeValues: { ':x': N(1) } } },
        { Update: { TableName: table, Key: { pk: S('b') }, UpdateExpression: 'SET balance = balance + :x', ExpressionAttributeValues: { ':x': N(1) } } },
      ],
    })
    const snapshot = () => server.ok('TransactGetItems', {
      TransactItems: [ { Get: { TableName: table, Key: { pk: S('a') } } }, { Get: { TableName: table, Key: { pk: S('b') } } } ],
    })

    // Readers keep taking snapshots, one after another on each of four connections, while the transfers run.
    let transfersDone = false
    const totals = []
    const reader = async () => {
      while (!transfersDone) {
        const { Responses } = await snapshot()
        totals.push(Number(Responses[0].Item.balance.N) + Number(Responses[1].Item.balance.N))
      }
    }
    const readers = [ reader(), reader(), reader(), reader() ]
    const transfers = []
    for (let i = 0; i < 60; i++) {
      transfers.push(transfer())
      if (i % 4 === 3) await new Promise((resolve) => setTimeout(resolve, 2))
    }
    const outcomes = await Promise.all(transfers)
    transfersDone = true
    await Promise.all(readers)

    assert.deepEqual(outcomes.map((outcome) => outcome.status), Array(60).fill(200))
    assert.ok(totals.length >= 8, 'too few snapshots taken: ' + totals.length)
    assert.deepEqual([ ...new Set(totals) ], [ 100 ], 'some snapshot saw half a transfer')
    const balances = (await snapshot()).Responses.map((response) => Number(response.Item.balance.N))
    assert.deepEqual(balances, [ 40, 60 ])
  })
})
