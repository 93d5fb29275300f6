package dev.sitec.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/** The K3s cluster and what runs on it. */
public record Kubernetes(JsonPointer origin, String version, Ipv4 apiVip, List<String> servers, List<String> agents,
                         Optional<Longhorn> longhorn, Optional<Nfs> nfs, Optional<String> nvidiaDevicePlugin,
                         Optional<Flux> flux, SortedMap<String, App> apps) {

    public Kubernetes {
        servers = List.copyOf(servers);
        agents = List.copyOf(agents);
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
