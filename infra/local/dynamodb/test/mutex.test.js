'use strict'

const { describe, it } = require('node:test')
const assert = require('node:assert/strict')
const { ReadWriteMutex } = require('../lib/mutex')

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('ReadWriteMutex', () => {
  it('lets readers share the lock', async () => {
    const mutex = new ReadWriteMutex()
    const first = await mutex.acquire('shared')
    const second = await mutex.acquire('shared')
    assert.equal(mutex.readers, 2)
    first()
    second()
    assert.equal(mutex.readers, 0)
  })

  it('gives a writer the lock only when nobody else holds it, and to nobody else meanwhile', async () => {
    const mutex = new ReadWriteMutex()
    const events = []
    const reader = await mutex.acquire('shared')
    const writer = mutex.acquire('exclusive').then((release) => { events.push('writer'); return release })
    const lateReader = mutex.acquire('shared').then((release) => { events.push('late reader'); return release })
    await tick()
    assert.deepEqual(events, [], 'the writer waits for the reader, the late reader waits behind the writer')
    reader()
    const releaseWriter = await writer
    await tick()
    assert.deepEqual(events, [ 'writer' ])
    releaseWriter()
    ;(await lateReader)()
    assert.deepEqual(events, [ 'writer', 'late reader' ])
  })

  it('grants waiters in arrival order and runs exclusive sections one at a time', async () => {
    const mutex = new ReadWriteMutex()
    const order = []
    let inside = 0
    let maxInside = 0
    await Promise.all([ 0, 1, 2, 3, 4 ].map((n) => mutex.run('exclusive', async () => {
      inside++
      maxInside = Math.max(maxInside, inside)
      await tick()
      order.push(n)
      inside--
    })))
    assert.deepEqual(order, [ 0, 1, 2, 3, 4 ])
    assert.equal(maxInside, 1)
  })

  it('releases the lock when the section throws, and ignores a second release', async () => {
    const mutex = new ReadWriteMutex()
    await assert.rejects(mutex.run('exclusive', async () => { throw new Error('boom') }), /boom/)
    const release = await mutex.acquire('exclusive')
    release()
    release()
    assert.equal(mutex.writing, false)
    assert.equal(mutex.readers, 0)
  })
})
