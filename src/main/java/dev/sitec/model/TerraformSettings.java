package dev.sitec.model;

import java.util.Optional;

/** Where Terraform keeps each cluster's state: local by default, or a shared backend. */
public record TerraformSettings(Optional<Pg> pg, Optional<S3> s3) {

    public static final TerraformSettings LOCAL = new TerraformSettings(Optional.empty(), Optional.empty());

    /** PostgreSQL backend; the connection string comes from PG_CONN_STR. */
    public record Pg(String schemaPrefix) {
    }

    /** S3-compatible backend; credentials come from the AWS_* environment. */
    public record S3(String bucket, String region, Optional<String> endpoint, String keyPrefix) {
    }
}
