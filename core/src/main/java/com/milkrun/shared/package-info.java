/**
 * The shared kernel: the one exception family with stable error names, field-level validation, pages and ids.
 * Every capability package uses these; nothing here knows about HTTP, SQL or AWS.
 */
package com.milkrun.shared;
