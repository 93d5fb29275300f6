terraform {
  required_version = ">= 1.9.0"
<#if !v.backend.pgSchema?? && !v.backend.s3Bucket??>

  # State on this machine, outside the generated folder (which is rewritten and committed): init is
  # given its path (make init, or RUNBOOK.md), in your state folder, named by site and cluster.
  backend "local" {}
</#if>
<#if v.backend.pgSchema??>

  # State in PostgreSQL; the connection string comes from PG_CONN_STR.
  backend "pg" {
    schema_name = "[=v.backend.pgSchema]"
  }
</#if>
<#if v.backend.s3Bucket??>

  # State in S3; credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
  backend "s3" {
    bucket = "[=v.backend.s3Bucket]"
    key    = "[=v.backend.s3Key]"
    region = "[=v.backend.s3Region]"
<#if v.backend.s3Endpoint??>

    endpoints = {
      s3 = "[=v.backend.s3Endpoint]"
    }

    use_path_style              = true
    skip_credentials_validation = true
    skip_region_validation      = true
    skip_requesting_account_id  = true
</#if>
  }
</#if>

  required_providers {
    proxmox = {
      source  = "bpg/proxmox"
      version = "~> [=v.providerVersion]"
    }
  }
}
