/**
 * The set of every store port that one adapter module provides. It names every capability's ports and no capability
 * names it: only the composition root and the adapters' registries use it.
 */
package com.milkrun.stores;
