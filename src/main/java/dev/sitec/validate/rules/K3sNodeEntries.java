package dev.sitec.validate.rules;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.model.Kubernetes;
import java.util.ArrayList;
import java.util.List;

/** A K3s cluster's nodes as site.yaml lists them: its servers, then its agents, each with where it is written. */
record K3sNodeEntries(String name, String list, JsonPointer at) {

    static List<K3sNodeEntries> of(Kubernetes k8s) {
        List<K3sNodeEntries> entries = new ArrayList<>();
        add(entries, k8s, "servers", k8s.servers());
        add(entries, k8s, "agents", k8s.agents());
        return entries;
    }

    private static void add(List<K3sNodeEntries> entries, Kubernetes k8s, String list, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            entries.add(new K3sNodeEntries(names.get(i), list, k8s.origin().appendProperty(list).appendIndex(i)));
        }
    }
}
