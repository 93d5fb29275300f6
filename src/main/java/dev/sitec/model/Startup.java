package dev.sitec.model;

import java.util.OptionalInt;

/** Where a guest starts in its node's boot order, and how long the next one waits (seconds). */
public record Startup(int order, OptionalInt upDelaySeconds, OptionalInt downDelaySeconds) {
}
