/** Demo data for a first start: the seed's fixtures plus enough dairies, products and people to look like a real shop. */
package com.milkrun.demo;
