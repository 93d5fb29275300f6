package dev.sitec.model;

/** Where a secret's value comes from at apply time; the value itself never enters sitec. */
public record SecretRef(String name, Source source, String reference) {

    public enum Source { ENV, FILE }
}
