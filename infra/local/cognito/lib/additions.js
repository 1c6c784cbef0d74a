'use strict';

// What MilkRun adds to cognito-local 5.3.0 (see README.md): two operations it lacks, the error AWS gives for a wrong
// password, and codes written to stdout as JSON lines instead of a box in the log.

const { CognitoError, InvalidParameterError, NotAuthorizedError, UserNotFoundError } = require('cognito-local/lib/errors');
const { ConsoleMessageSender } = require('cognito-local/lib/services/messageDelivery/consoleMessageSender');
const { selectAppropriateDeliveryMethod } = require('cognito-local/lib/services/messageDelivery/deliveryMethod');
const { Targets } = require('cognito-local/lib/targets/targets');

// Every refresh token of the user stops working. (On AWS the access tokens are revoked too; cognito-local never
// checks access tokens against a revocation list, so there is nothing more to do here.)
const AdminUserGlobalSignOut = ({ cognito }) => async (ctx, req) => {
  const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
  const user = await userPool.getUserByUsername(ctx, req.Username);
  if (!user) {
    throw new UserNotFoundError('User does not exist.');
  }
  await userPool.saveUser(ctx, { ...user, RefreshTokens: [] });
  return {};
};

// A new confirmation code for an unconfirmed user, replacing the previous one, sent like the one of SignUp.
const ResendConfirmationCode = ({ clock, cognito, messages, otp }) => async (ctx, req) => {
  const userPool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
  const user = await userPool.getUserByUsername(ctx, req.Username);
  if (!user) {
    throw new UserNotFoundError('Username/client id combination not found.');
  }
  if (user.UserStatus !== 'UNCONFIRMED') {
    throw new InvalidParameterError('User is already confirmed.');
  }
  const deliveryDetails = selectAppropriateDeliveryMethod(userPool.options.AutoVerifiedAttributes ?? [], user);
  if (!deliveryDetails) {
    throw new InvalidParameterError('User has no attribute matching desired auto verified attributes');
  }
  const code = otp();
  await messages.deliver(ctx, 'ResendCode', req.ClientId, userPool.options.Id, user, code, req.ClientMetadata,
    deliveryDetails);
  await userPool.saveUser(ctx, { ...user, ConfirmationCode: code, UserLastModifiedDate: clock.get() });
  return { CodeDeliveryDetails: deliveryDetails };
};

// cognito-local answers a wrong password with InvalidPasswordException; AWS with NotAuthorizedException.
const withAwsWrongPasswordError = (target) => (services) => {
  const handle = target(services);
  return async (ctx, req) => {
    try {
      return await handle(ctx, req);
    } catch (error) {
      if (error instanceof CognitoError && error.code === 'InvalidPasswordException') {
        throw new NotAuthorizedError('Incorrect username or password.');
      }
      throw error;
    }
  };
};

function printDelivery(_ctx, user, destination, message) {
  const delivery = { username: user.Username, destination, code: message.__code };
  process.stdout.write(`${JSON.stringify({ delivery })}\n`);
  return Promise.resolve();
}

let installed = false;

function install() {
  if (installed) {
    return;
  }
  installed = true;
  Targets.AdminUserGlobalSignOut = AdminUserGlobalSignOut;
  Targets.ResendConfirmationCode = ResendConfirmationCode;
  Targets.InitiateAuth = withAwsWrongPasswordError(Targets.InitiateAuth);
  ConsoleMessageSender.prototype.sendToConsole = printDelivery;
}

module.exports = { install };
