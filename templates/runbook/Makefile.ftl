# The stages of RUNBOOK.md, each running exactly the commands the runbook shows, from this folder.
# `make help` lists them; `make check` runs every stage's checks.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help

.PHONY: help check<#list v.stages?filter(s -> !s.manual()) as stage> [=stage.target]</#list>

help:
	@echo 'The stages of RUNBOOK.md, in order (make STAGE runs one):'
<#list v.stages?filter(s -> !s.manual()) as stage>
	@echo '  [=stage.target?right_pad(10)] [=stage.title?replace("'", "")]'
</#list>
	@echo '  check      every stage'"'"'s checks'
<#list v.stages?filter(s -> !s.manual()) as stage>

# [=stage.title]
[=stage.target]:<#list stage.needs as need> [=need]</#list>
<#list stage.run as line>
	[=line.forMake()]
</#list>
</#list>

check:
<#list v.stages as stage>
<#list stage.checks as line>
	[=line.forMake()]
</#list>
</#list>
