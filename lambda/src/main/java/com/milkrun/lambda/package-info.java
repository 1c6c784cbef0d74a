/** The AWS Lambda runner: API Gateway REST proxy events in, the same router as the local server, proxy responses out. */
package com.milkrun.lambda;
