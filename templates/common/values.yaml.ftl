<#-- Lays out a YamlValue tree as block YAML: keys and text quoted and escaped, literals as they are. -->
<#macro block node indent>
<#list node.entries as e>
<#if e.explicit()>
[=""?left_pad(indent)]? "[=e.key]"
<#if e.value.isMap() && !e.value.isEmpty()>
[=""?left_pad(indent)]:
<@block e.value indent + 2/>
<#elseif e.value.isList() && !e.value.isEmpty()>
[=""?left_pad(indent)]:
<@items e.value indent + 2/>
<#else>
[=""?left_pad(indent)]: <@scalar e.value/>
</#if>
<#elseif e.value.isMap() && !e.value.isEmpty()>
[=""?left_pad(indent)]"[=e.key]":
<@block e.value indent + 2/>
<#elseif e.value.isList() && !e.value.isEmpty()>
[=""?left_pad(indent)]"[=e.key]":
<@items e.value indent + 2/>
<#else>
[=""?left_pad(indent)]"[=e.key]": <@scalar e.value/>
</#if>
</#list>
</#macro>
<#macro items node indent>
<#list node.items as item>
<#if (item.isMap() || item.isList()) && !item.isEmpty()>
[=""?left_pad(indent)]-
<#if item.isMap()><@block item indent + 2/><#else><@items item indent + 2/></#if>
<#else>
[=""?left_pad(indent)]- <@scalar item/>
</#if>
</#list>
</#macro>
<#macro scalar node><#if node.isMap()>{}<#elseif node.isList()>[]<#elseif node.quoted>"[=node.text]"<#else>[=node.text]</#if></#macro>
