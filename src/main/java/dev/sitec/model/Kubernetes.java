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
 *
 * @param apiVip the address kube-vip holds in front of the servers, when the site gives one
 * @param apiAddress where the API is: the VIP, else the first server's first static address (its K3s
 *                   node IP); empty only on a site the rules refuse (an unknown first server)
 * @param loadBalancer the pool kube-vip gives LoadBalancer Services their addresses from
 */
public record Kubernetes(String name, JsonPointer origin, String version, Optional<Ipv4> apiVip, Optional<Ipv4> apiAddress,
                         List<String> servers, List<String> agents, Optional<Longhorn> longhorn, Optional<Nfs> nfs,
                         Optional<String> nvidiaDevicePlugin, Optional<Flux> flux, SortedMap<String, App> apps,
                         String tokenSecret, Optional<LoadBalancer> loadBalancer) {

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

    /** The API's address, for the families (which see only sites where it is known). */
    public Ipv4 api() {
        return apiAddress.orElseThrow(() -> new IllegalStateException("K3s cluster " + name + " without an API address"));
    }

    /** kube-vip runs on the servers: to hold the API VIP, and to announce LoadBalancer Services' addresses. */
    public boolean runsKubeVip() {
        return apiVip.isPresent() || loadBalancer.isPresent();
    }

    /** The charts and manifests are installed by Flux when the cluster has it, else by K3s's own Helm controller. */
    public boolean installsWithHelmController() {
        return flux.isEmpty();
    }

    /** Every K3s node's name: the servers, then the agents. */
    public List<String> nodes() {
        return Stream.concat(servers.stream(), agents.stream()).toList();
    }

    public record Longhorn(String version, int defaultReplicas, boolean defaultClass) {
    }

    /**
     * Addresses for LoadBalancer Services: ranges, each written FROM-TO or as a CIDR (every address of
     * the block, which on the nodes' network are ordinary host addresses), in the site's order.
     */
    public record LoadBalancer(List<Range> addresses) {

        public LoadBalancer {
            addresses = List.copyOf(addresses);
        }

        /** kube-vip-cloud-provider's range-global value: ranges separated by commas. */
        public String rangeGlobal() {
            return String.join(",", addresses.stream().map(r -> r.first() + "-" + r.last()).toList());
        }

        public int size() {
            return addresses.stream().mapToInt(Range::size).sum();
        }
    }

    /** One entry of a pool, as written (text), and the addresses it spans. */
    public record Range(String text, Ipv4 first, Ipv4 last) {

        public static Range parse(String text) {
            if (text.contains("/")) {
                Ipv4Cidr cidr = Ipv4Cidr.parse(text);
                return new Range(text, cidr.network(), cidr.broadcast());
            }
            int dash = text.indexOf('-');
            return new Range(text, Ipv4.parse(text.substring(0, dash)), Ipv4.parse(text.substring(dash + 1)));
        }

        public boolean contains(Ipv4 ip) {
            return Integer.compareUnsigned(first.bits(), ip.bits()) <= 0 && Integer.compareUnsigned(ip.bits(), last.bits()) <= 0;
        }

        /** The count of addresses; 0 when the range runs backwards. */
        public int size() {
            long n = Integer.toUnsignedLong(last.bits()) - Integer.toUnsignedLong(first.bits()) + 1;
            return (int) Math.max(0, Math.min(n, Integer.MAX_VALUE));
        }
    }

    public record Nfs(String server, String export, String storageClass, String chartVersion) {

        public static final String DEFAULT_CHART_VERSION = "4.12.0";
    }

    /**
     * @param bootstrap false when the cluster's Flux runs already from the owner's own tree (flux
     *                  bootstrap made its flux-system source and sync): sitec then neither bootstraps
     *                  Flux nor writes a sync, and the owner's tree includes the cluster's folder
     */
    public record Flux(String repository, String branch, String path, String version, String tree, boolean bootstrap) {

        public static final String DEFAULT_TREE = "generated/flux";

        /** The cluster's sync folder, relative to the repository root. */
        public String syncPath() {
            return tree + "/" + path;
        }

        /**
         * sitec's bootstrap makes Flux read an ssh:// repository with a deploy key (the
         * flux_git_deploy_key secret); a Flux the owner bootstrapped has its own.
         */
        public boolean needsDeployKey() {
            return bootstrap && repository.startsWith("ssh://");
        }
    }

    /** A Helm chart delivered by Flux; {@code values} are the user's, passed through as they are. */
    public record App(String name, JsonPointer origin, String chartRepository, String chartName, String chartVersion, String namespace,
                      JsonNode values, SortedMap<String, String> nodeSelector) {
    }
}
