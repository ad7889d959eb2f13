/**
 * Answers that servlet filters and interceptors write themselves, before any controller (and so before
 * Spring MVC's message converters) is reached. Needs {@code jakarta.servlet-api}, an optional dependency
 * of the core.
 */
package io.tradekit.core.web;
