# The whole lab, in order; each play changes nothing when run again.
---
<#list v.plays as play>
- name: [=play.title]
  ansible.builtin.import_playbook: [=play.playbook]
<#sep>

</#sep>
</#list>
