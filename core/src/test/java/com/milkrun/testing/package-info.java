/**
 * Test fixtures shared by every module's tests: Object Mothers with dairy names, fixed times and a race runner.
 */
package com.milkrun.testing;
