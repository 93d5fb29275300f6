package dev.sitec.model;

/**
 * The version of the site file's format, and whether the file says it (apiVersion). v1 has one
 * K3s cluster under kubernetes:, v2 the clusters by name.
 */
public record SiteFormat(Version version, boolean declared) {

    public enum Version {
        V1("sitec.dev/v1"), V2("sitec.dev/v2");

        private final String apiVersion;

        Version(String apiVersion) {
            this.apiVersion = apiVersion;
        }

        public String apiVersion() {
            return apiVersion;
        }

        /** Only the versions the schema admits are read. */
        public static Version of(String apiVersion) {
            for (Version v : values()) {
                if (v.apiVersion.equals(apiVersion)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("the schema admits only known apiVersions: " + apiVersion);
        }
    }

    public static final Version LATEST = Version.V2;
}
