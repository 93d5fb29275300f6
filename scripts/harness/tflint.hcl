# tflint for the generated Terraform: the terraform ruleset bundled with tflint, recommended preset
# (the version tflint bundles: see scripts/tool-versions). Each root and module is linted in its
# own folder; module calls are not followed (each module is linted on its own).
config {
  call_module_type = "none"
}

plugin "terraform" {
  enabled = true
  preset  = "recommended"
}
