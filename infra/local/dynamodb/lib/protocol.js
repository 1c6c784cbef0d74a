'use strict'

// The parts of DynamoDB's JSON 1.0 wire protocol that the transaction operations need, answered the way
// dynalite answers its own operations: same headers (x-amzn-RequestId, x-amz-crc32 that the AWS SDKs check),
// same error envelope {"__type": "<namespace>#<Name>", "message": "..."} with HTTP 400.

const crypto = require('crypto')
const zlib = require('zlib')
const url = require('url')

const MAX_REQUEST_BYTES = 16 * 1024 * 1024
const DYNAMODB = 'com.amazonaws.dynamodb.v20120810#'
const CORAL_SERVICE = 'com.amazon.coral.service#'
const CORAL_VALIDATE = 'com.amazon.coral.validate#'

/** An error that is sent to the client as it is: an HTTP status and a JSON body. */
class ApiError extends Error {
  constructor (statusCode, body) {
    super(body.message || body.Message || body.__type)
    this.statusCode = statusCode
    this.body = body
  }
}

function apiError (type, message, extra) {
  return new ApiError(400, Object.assign({ __type: DYNAMODB + type, message }, extra))
}

function validationError (message) {
  return new ApiError(400, { __type: CORAL_VALIDATE + 'ValidationException', message })
}

function internalError (message) {
  return new ApiError(500, { __type: CORAL_SERVICE + 'InternalFailure', message })
}

/** The operation named by the X-Amz-Target header ("DynamoDB_20120810.PutItem" -> "PutItem"), or ''. */
function operationOf (req) {
  const target = (req.headers['x-amz-target'] || '').split('.')
  return target.length === 2 && target[0] === 'DynamoDB_20120810' ? target[1] : ''
}

function requestId () {
  // 39 random bytes are 52 base64 characters, the length of a DynamoDB request id.
  return crypto.randomBytes(39).toString('base64').toUpperCase().replace(/\+|\//g, '0')
}

function send (req, res, statusCode, body) {
  const json = Buffer.from(JSON.stringify(body), 'utf8')
  req.removeAllListeners()
  res.statusCode = statusCode
  res.setHeader('x-amzn-RequestId', requestId())
  res.setHeader('x-amz-crc32', zlib.crc32(json))
  res.setHeader('Content-Type', res.contentType || 'application/x-amz-json-1.0')
  res.setHeader('Content-Length', json.length)
  res.end(json)
}

/** Reads and parses a JSON 1.0 request body; rejects with the errors DynamoDB (and dynalite) give. */
function readRequest (req, res) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let length = 0
    let tooLarge = false
    req.on('data', (chunk) => {
      length += chunk.length
      if (length > MAX_REQUEST_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('error', reject)
    req.on('end', () => {
      if (tooLarge) return reject(new ApiError(413, { __type: CORAL_SERVICE + 'RequestEntityTooLarge', message: 'Request too large' }))
      const contentType = (req.headers['content-type'] || '').split(';')[0].trim()
      if (req.method !== 'POST' || (contentType !== 'application/json' && contentType !== 'application/x-amz-json-1.0')) {
        return reject(new ApiError(404, { __type: CORAL_SERVICE + 'UnknownOperationException' }))
      }
      res.contentType = contentType
      const missingAuth = missingAuthentication(req)
      if (missingAuth) return reject(missingAuth)
      const text = Buffer.concat(chunks).toString('utf8')
      let data
      try {
        data = JSON.parse(text)
      }
      catch {
        return reject(new ApiError(400, { __type: CORAL_SERVICE + 'SerializationException' }))
      }
      if (data == null || typeof data !== 'object' || Array.isArray(data)) {
        return reject(new ApiError(400, { __type: CORAL_SERVICE + 'SerializationException' }))
      }
      resolve(data)
    })
  })
}

// dynalite does not verify signatures, only that the request carries one; the transactions do the same.
function missingAuthentication (req) {
  const header = (req.headers.authorization || '').trim()
  const query = url.parse(req.url, true).query
  if (header.startsWith('AWS4-') || 'X-Amz-Algorithm' in query) return null
  return new ApiError(400, { __type: CORAL_SERVICE + 'MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' })
}

/** Turns dynalite's own error objects (err.statusCode + err.body) into ApiErrors; leaves others alone. */
function fromDynalite (err) {
  if (err instanceof ApiError || !err || !err.statusCode || !err.body) return err
  return new ApiError(err.statusCode, err.body)
}

module.exports = {
  ApiError,
  apiError,
  validationError,
  internalError,
  operationOf,
  readRequest,
  send,
  fromDynalite,
  isValidationException: (err) => !!(err && err.body && /#ValidationException$/.test(err.body.__type)),
}
