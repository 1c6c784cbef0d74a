'use strict'

// ClientRequestToken of TransactWriteItems (API_TransactWriteItems): a token is valid for 10 minutes after the
// first request that used it completed. Within that window, the same token with the same TransactItems
// succeeds again without changing anything; the same token with different TransactItems fails with
// IdempotentParameterMismatchException. After the window the token is forgotten and a request with it is new.
//
// Only transactions that succeeded are remembered: one that was cancelled or rejected changed nothing, so
// sending it again with the same token simply runs it.

const DEFAULT_WINDOW_MS = 10 * 60 * 1000

class IdempotencyTokens {
  /** windowMs: how long a token is remembered after its transaction completed. */
  constructor (windowMs, now) {
    this.windowMs = windowMs == null ? DEFAULT_WINDOW_MS : windowMs
    this.now = now || Date.now
    this.tokens = new Map()
  }

  /**
   * What to do with a request carrying token: 'new' (run it), 'replay' (answer success without running it) or
   * 'mismatch' (the token was used for a different request within the window).
   */
  check (token, fingerprint) {
    if (token == null) return 'new'
    this.forgetExpired()
    const seen = this.tokens.get(token)
    if (!seen) return 'new'
    return seen.fingerprint === fingerprint ? 'replay' : 'mismatch'
  }

  /** Remembers a token whose transaction just succeeded. */
  remember (token, fingerprint) {
    if (token == null) return
    this.tokens.set(token, { fingerprint, expiresAt: this.now() + this.windowMs })
  }

  forgetExpired () {
    const now = this.now()
    for (const [ token, seen ] of this.tokens) {
      if (seen.expiresAt <= now) this.tokens.delete(token)
    }
  }
}

module.exports = { IdempotencyTokens, DEFAULT_WINDOW_MS }
