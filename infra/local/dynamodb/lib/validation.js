'use strict'

// Request validation for TransactWriteItems and TransactGetItems, built on dynalite's own validation
// machinery so the errors read like the ones dynalite gives for PutItem and friends:
//  - validations.checkTypes: SerializationException when a field has the wrong JSON type;
//  - validations.checkValidations: "N validation errors detected: Value ... at 'transactItems.1.member.put.tableName'
//    failed to satisfy constraint: ..." (the constraints of the API reference's request shapes);
//  - the custom validators of PutItem / UpdateItem / DeleteItem / GetItem for each action: attribute values,
//    expression syntax, unused ExpressionAttributeNames/Values, item size.

const validations = require('dynalite/validations')
const putItemValidation = require('dynalite/validations/putItem')
const updateItemValidation = require('dynalite/validations/updateItem')
const deleteItemValidation = require('dynalite/validations/deleteItem')
const getItemValidation = require('dynalite/validations/getItem')
const { validationError, fromDynalite } = require('./protocol')

/** DynamoDB's limit on the number of actions in one TransactWriteItems or TransactGetItems (25 until 2022). */
const MAX_ACTIONS = 100

/** "The aggregate size of the items in the transaction cannot exceed 4 MB." */
const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024

const tableName = {
  type: 'String',
  notNull: true,
  regex: '[a-zA-Z0-9_.-]+',
  lengthGreaterThanOrEqual: 3,
  lengthLessThanOrEqual: 255,
}
const attributeMap = { type: 'Map<AttributeValue>', children: 'AttrStruct<ValueStruct>' }
const requiredAttributeMap = Object.assign({ notNull: true }, attributeMap)
const attributeNames = { type: 'Map<java.lang.String>', children: 'String' }
const returnConsumedCapacity = { type: 'String', enum: [ 'INDEXES', 'TOTAL', 'NONE' ] }
const onConditionFailure = { type: 'String', enum: [ 'ALL_OLD', 'NONE' ] }

function struct (name, children) {
  return { type: 'FieldStruct<' + name + '>', children }
}

function expressionFields (extra) {
  return Object.assign({
    TableName: tableName,
    ExpressionAttributeNames: attributeNames,
    ExpressionAttributeValues: attributeMap,
    ReturnValuesOnConditionCheckFailure: onConditionFailure,
  }, extra)
}

// The request shapes of API_TransactWriteItems: TransactWriteItem holds exactly one of ConditionCheck, Put,
// Update or Delete.
const transactWriteTypes = {
  ClientRequestToken: { type: 'String', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 36 },
  ReturnConsumedCapacity: returnConsumedCapacity,
  ReturnItemCollectionMetrics: { type: 'String', enum: [ 'SIZE', 'NONE' ] },
  TransactItems: {
    type: 'List',
    notNull: true,
    children: {
      type: 'ValueStruct<TransactWriteItem>',
      children: {
        ConditionCheck: struct('ConditionCheck', expressionFields({
          Key: requiredAttributeMap,
          ConditionExpression: { type: 'String', notNull: true },
        })),
        Put: struct('Put', expressionFields({
          Item: requiredAttributeMap,
          ConditionExpression: { type: 'String' },
        })),
        Update: struct('Update', expressionFields({
          Key: requiredAttributeMap,
          UpdateExpression: { type: 'String', notNull: true },
          ConditionExpression: { type: 'String' },
        })),
        Delete: struct('Delete', expressionFields({
          Key: requiredAttributeMap,
          ConditionExpression: { type: 'String' },
        })),
      },
    },
  },
}

// The request shapes of API_TransactGetItems: each TransactGetItem holds one Get.
const transactGetTypes = {
  ReturnConsumedCapacity: returnConsumedCapacity,
  TransactItems: {
    type: 'List',
    notNull: true,
    children: {
      type: 'ValueStruct<TransactGetItem>',
      children: {
        Get: Object.assign({ notNull: true }, struct('Get', {
          TableName: tableName,
          Key: requiredAttributeMap,
          ProjectionExpression: { type: 'String' },
          ExpressionAttributeNames: attributeNames,
        })),
      },
    },
  },
}

const WRITE_KINDS = [ 'ConditionCheck', 'Put', 'Update', 'Delete' ]

// Each action is validated like the single-item operation it stands for; a ConditionCheck like a DeleteItem
// (a Key and a ConditionExpression).
const customValidators = {
  ConditionCheck: deleteItemValidation.custom,
  Put: putItemValidation.custom,
  Update: updateItemValidation.custom,
  Delete: deleteItemValidation.custom,
  Get: getItemValidation.custom,
}

/**
 * Validates a TransactWriteItems request. Returns { data, actions, fingerprint }: data is the type-checked
 * request; actions is one { kind, request, returnValuesOnConditionCheckFailure } per TransactItems entry, in
 * order, where request looks like the PutItem / UpdateItem / DeleteItem request it stands for, with its
 * expressions parsed by dynalite (request._condition, request._updates); fingerprint identifies the
 * TransactItems for ClientRequestToken checks.
 * Throws an ApiError (ValidationException or SerializationException) otherwise.
 */
function validateTransactWrite (body, store) {
  const data = checkShape(body, transactWriteTypes, 'TransactWriteItem', store)
  // Taken before the per-action validators normalise numbers in place.
  const fingerprint = canonicalJson(data.TransactItems)
  const actions = data.TransactItems.map((entry) => {
    const kinds = WRITE_KINDS.filter((kind) => entry[kind] != null)
    if (kinds.length !== 1) throw validationError('TransactItems can only contain one of Check, Put, Update or Delete')
    const kind = kinds[0]
    return {
      kind,
      request: checkAction(kind, entry[kind], store),
      returnValuesOnConditionCheckFailure: entry[kind].ReturnValuesOnConditionCheckFailure || 'NONE',
    }
  })
  return { data, actions, fingerprint }
}

/** Validates a TransactGetItems request; returns { data, gets } with one GetItem-like request per entry. */
function validateTransactGet (body, store) {
  const data = checkShape(body, transactGetTypes, 'TransactGetItem', store)
  const gets = data.TransactItems.map((entry) => checkAction('Get', entry.Get, store))
  return { data, gets }
}

function checkShape (body, types, memberName, store) {
  try {
    const data = validations.checkTypes(body, types)
    // A null entry is an entry with no action at all.
    if (Array.isArray(data.TransactItems)) data.TransactItems = data.TransactItems.map((entry) => entry || {})
    checkActionCount(data.TransactItems, memberName)
    validations.checkValidations(data, types, null, store)
    return data
  }
  catch (err) {
    throw fromDynalite(err)
  }
}

// AWS renders the list with Java's toString of each member; the count is what matters.
function checkActionCount (items, memberName) {
  if (!Array.isArray(items)) return
  if (items.length >= 1 && items.length <= MAX_ACTIONS) return
  const rendered = items.map((_, i) => 'com.amazonaws.dynamodb.v20120810.' + memberName + '@' + (0x10000001 + i).toString(16))
  const constraint = items.length < 1 ?
    'Member must have length greater than or equal to 1' :
    'Member must have length less than or equal to ' + MAX_ACTIONS
  throw validationError('1 validation error detected: Value \'[' + rendered.join(', ') + ']\' at \'transactItems\' ' +
    'failed to satisfy constraint: ' + constraint)
}

function checkAction (kind, action, store) {
  // A copy, so that dynalite's validators (which normalise numbers and attach parsed expressions) work on a
  // request object of their own.
  const request = Object.assign({}, action)
  delete request.ReturnValuesOnConditionCheckFailure
  const message = customValidators[kind](request, store)
  if (message) throw validationError(message)
  return request
}

/** JSON with object keys sorted, so that two equal requests give the same text whatever their key order. */
function canonicalJson (value) {
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']'
  if (value && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((key) => JSON.stringify(key) + ':' + canonicalJson(value[key])).join(',') + '}'
  }
  return JSON.stringify(value)
}

module.exports = { validateTransactWrite, validateTransactGet, MAX_ACTIONS, MAX_TRANSACTION_BYTES }
