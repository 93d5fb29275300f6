package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * A K3s cluster and what runs on it. Its name keys its Ansible groups and Flux folders; a v1 site's
 * one cluster is named after the last segment of its Flux path, else after the site.
 */
public record Kubernetes(String name, JsonPointer origin, String version, Ipv4 apiVip, List<String> servers,
                         List<String> agents, Optional<Longhorn> longhorn, Optional<Nfs> nfs,
                         Optional<String> nvidiaDevicePlugin, Optional<Flux> flux, SortedMap<String, App> apps,
                         String tokenSecret) {

    /** The secret that holds the join token, unless the cluster names another. */
    public static final String DEFAULT_TOKEN_SECRET = "k3s_token";

    public Kubernetes {
        servers = List.copyOf(servers);
        agents = List.copyOf(agents);
    }

    /** Where the cluster is in site.yaml, as messages name it: kubernetes (v1) or kubernetes.prod (v2). */
    public String key() {
        return origin.toString().substring(1).replace('/', '.');
    }

    /** Every K3s node's name: the servers, then the agents. */
    public List<String> nodes() {
        return Stream.concat(servers.stream(), agents.stream()).toList();
    }

    public record Longhorn(String version, int defaultReplicas, boolean defaultClass) {
    }

    public record Nfs(String server, String export, String storageClass, String chartVersion) {

        public static final String DEFAULT_CHART_VERSION = "4.12.0";
    }

    public record Flux(String repository, String branch, String path, String version, String tree) {

        public static final String DEFAULT_TREE = "generated/flux";

        /** The cluster's sync folder, relative to the repository root. */
        public String syncPath() {
            return tree + "/" + path;
        }

        /** Flux reads an ssh:// repository with a deploy key (the flux_git_deploy_key secret). */
        public boolean needsDeployKey() {
            return repository.startsWith("ssh://");
        }
    }

    /** A Helm chart delivered by Flux; {@code values} are the user's, passed through as they are. */
    public record App(String name, JsonPointer origin, String chartRepository, String chartName, String chartVersion, String namespace,
                      JsonNode values, SortedMap<String, String> nodeSelector) {
    }
}
