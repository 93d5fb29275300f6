# What the tools leave in this folder, which is not sitec's and must not be committed: Terraform's
# provider cache and any state or plan (the state lives outside this folder, see RUNBOOK.md), the
# installer ISOs the runbook builds, the backup servers' fingerprints Ansible writes. sitec never
# deletes or replaces what these match, whatever a manifest says.
<#list v.patterns as pattern>
[=pattern]
</#list>
