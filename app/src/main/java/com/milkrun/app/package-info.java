/**
 * The composition root: reads configuration once ({@link com.milkrun.app.Config}) and wires stores, identity, mail
 * and the API ({@link com.milkrun.app.MilkRun}). The local server and the Lambda handler both start here. No
 * classpath scanning, no container: every dependency is passed by hand, which keeps start-up short.
 */
package com.milkrun.app;
