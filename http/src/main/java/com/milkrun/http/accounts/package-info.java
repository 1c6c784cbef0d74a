/** Accounts over HTTP: sign-up, sign-in, tokens, the caller's profile, addresses and inbox. */
package com.milkrun.http.accounts;
