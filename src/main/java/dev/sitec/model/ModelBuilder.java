package dev.sitec.model;

import static dev.sitec.model.Fields.name;
import static dev.sitec.model.Fields.named;
import static dev.sitec.model.Fields.optional;
import static dev.sitec.model.Fields.strings;
import static dev.sitec.model.Fields.text;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.load.SourceDocument;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * Builds the {@link Site} model from a document the schema has accepted: applies profiles and
 * defaults, and derives VMIDs, MACs and datastores. References are kept as names; the semantic
 * rules check that they resolve before any output family sees the model. Each section has its
 * reader: {@link ProxmoxReader}, {@link GuestReader}, {@link KubernetesReader}.
 */
public final class ModelBuilder {

    /** The Flux release the bootstrap installs when site.yaml names none (Flux 2.9, late 2026). */
    public static final String DEFAULT_FLUX_VERSION = "v2.9.1";

    public Site build(SourceDocument document) {
        JsonNode root = document.root();
        JsonNode proxmox = root.path("proxmox");
        ProxmoxReader pve = new ProxmoxReader(proxmox);
        SortedMap<String, Network> networks = named(root.path("networks"), ptr("networks"), ModelBuilder::network);
        SortedMap<String, Profile> profiles = named(root.path("profiles"), ptr("profiles"), GuestReader::profile);
        GuestReader guests = new GuestReader(profiles, networks);
        return new Site(
                siteInfo(root.path("site")),
                named(root.path("secrets"), ptr("secrets"), ModelBuilder::secret),
                networks,
                named(root.path("images"), ptr("images"), ModelBuilder::image),
                named(proxmox.path("clusters"), ptr("proxmox", "clusters"), pve::cluster),
                named(proxmox.path("backup_servers"), ptr("proxmox", "backup_servers"), pve::backupServer),
                optional(proxmox.path("datacenter_manager"), ptr("proxmox", "datacenter_manager"), pve::datacenterManager),
                installer(root.path("installer")),
                terraform(root.path("terraform").path("backend")),
                profiles,
                named(root.path("vms"), ptr("vms"), guests::vm),
                named(root.path("containers"), ptr("containers"), guests::container),
                named(root.path("machines"), ptr("machines"), guests::machine),
                KubernetesReader.clusters(root, format(root)), format(root));
    }

    static SiteFormat format(JsonNode root) {
        return root.has("apiVersion") ? new SiteFormat(SiteFormat.Version.of(root.path("apiVersion").asText()), true)
                : new SiteFormat(SiteFormat.Version.V1, false);
    }

    static JsonPointer ptr(String... segments) {
        return Fields.ptr(segments);
    }

    private static SiteInfo siteInfo(JsonNode n) {
        return new SiteInfo(n.path("name").asText(), n.path("domain").asText(), n.path("timezone").asText(),
                n.path("country").asText(), n.path("keyboard").asText(), n.path("admin_email").asText(),
                strings(n.path("ssh_authorized_keys")), n.path("password_hash").asText(),
                text(n, "admin_user").orElse(SiteInfo.DEFAULT_ADMIN_USER));
    }

    private static SecretRef secret(JsonNode n, JsonPointer at) {
        return n.has("env")
                ? new SecretRef(name(at), SecretRef.Source.ENV, n.path("env").asText())
                : new SecretRef(name(at), SecretRef.Source.FILE, n.path("file").asText());
    }

    private static Network network(JsonNode n, JsonPointer at) {
        return new Network(name(at), at,
                n.has("vlan") ? OptionalInt.of(n.path("vlan").asInt()) : OptionalInt.empty(),
                text(n, "bridge").orElse(Network.DEFAULT_BRIDGE),
                text(n, "cidr").map(Ipv4Cidr::parse), text(n, "gateway").map(Ipv4::parse),
                strings(n.path("dns")).stream().map(Ipv4::parse).toList(),
                Fields.integer(n, "mtu").orElse(Network.DEFAULT_MTU));
    }

    private static Image image(JsonNode n, JsonPointer at) {
        Image.Kind kind = switch (n.path("kind").asText()) {
            case "iso" -> Image.Kind.ISO;
            case "lxc" -> Image.Kind.LXC;
            case "template" -> Image.Kind.TEMPLATE;
            default -> Image.Kind.CLOUD_IMAGE;
        };
        Optional<Image.Template> template = kind == Image.Kind.TEMPLATE
                ? Optional.of(new Image.Template(n.path("vm_id").asInt(), n.path("node").asText(), text(n, "datastore"),
                        n.path("shared").asBoolean(false), n.path("linked").asBoolean(false)))
                : Optional.empty();
        return new Image(name(at), at, kind, Arch.valueOf(n.path("arch").asText("amd64").toUpperCase(java.util.Locale.ROOT)),
                n.path("url").asText(), text(n, "checksum").map(Image.Checksum::parse),
                "uefi".equals(n.path("firmware").asText()), text(n, "os").flatMap(Distribution::of), template);
    }

    private static Installer installer(JsonNode n) {
        return new Installer("http".equals(n.path("fetch").asText()) ? Installer.Fetch.HTTP : Installer.Fetch.ISO,
                text(n, "answer_url"),
                isoSource(n.path("pve_iso")).orElse(Installer.DEFAULT_PVE_ISO),
                isoSource(n.path("pbs_iso")).orElse(Installer.DEFAULT_PBS_ISO));
    }

    private static TerraformSettings terraform(JsonNode backend) {
        JsonNode pg = backend.path("pg");
        JsonNode s3 = backend.path("s3");
        return new TerraformSettings(
                pg.isObject() ? Optional.of(new TerraformSettings.Pg(text(pg, "schema_prefix").orElse("sitec_"))) : Optional.empty(),
                s3.isObject() ? Optional.of(new TerraformSettings.S3(s3.path("bucket").asText(), s3.path("region").asText(),
                        text(s3, "endpoint"), text(s3, "key_prefix").orElse("sitec/"))) : Optional.empty());
    }

    private static Optional<Installer.IsoSource> isoSource(JsonNode n) {
        return n.isObject() ? Optional.of(new Installer.IsoSource(n.path("url").asText(),
                text(n, "checksum").map(Image.Checksum::parse))) : Optional.empty();
    }
}
