package dev.sitec.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness refuses a deliberately broken sample of each kind, with the real tool's own words,
 * and passes a good one. Where a tool is missing outside CI the test is skipped; in CI (where
 * scripts/test installs every tool) a missing tool fails it.
 */
class HarnessTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private static Path sample(String name) {
        try {
            return Path.of(HarnessTest.class.getResource("/harness/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void needs(String... tools) {
        for (String tool : tools) {
            assumeTrue(System.getenv("CI") != null || ExternalTool.available(tool), tool + " is not installed");
        }
    }

    private static YamlLint yamlLint() {
        return new YamlLint(PROJECT.resolve("scripts/harness/yamllint.yaml"));
    }

    private static List<String> problems(HarnessCheck check, String sample) {
        return check.check(sample(sample)).problems().stream().map(Problem::toString).toList();
    }

    private static TerraformCheck terraform() {
        return new TerraformCheck(PROJECT.resolve("scripts/harness/node"));
    }

    @Test
    void terraformThatDoesNotParse() {
        needs("node");
        assertThat(problems(terraform(), "terraform-syntax")).singleElement().asString()
                .startsWith("terraform/main.tf: does not parse:").contains("Unclosed configuration block");
    }

    @Test
    void terraformNotInFmtForm() {
        needs("node");
        assertThat(problems(terraform(), "terraform-fmt")).containsExactly(
                "terraform/main.tf: is not in terraform fmt form (line 3: `name = \"a\"` should be `  name      = \"a\"`)");
    }

    @Test
    void terraformAgainstTheProviderContract() {
        needs("node");
        assertThat(problems(terraform(), "terraform-contract")).containsExactlyInAnyOrder(
                "terraform/main.tf: resource proxmox_virtual_environment_download_file is deprecated; use proxmox_download_file",
                "terraform/main.tf: resource proxmox_vm is experimental, not for production",
                "terraform/main.tf: proxmox_virtual_environment_vm.vm: read-only attribute ipv4_addresses",
                "terraform/main.tf: proxmox_virtual_environment_vm.vm: unknown argument no_such_setting",
                "terraform/main.tf: proxmox_virtual_environment_vm.vm.disk: required argument interface is not set",
                "terraform/main.tf: proxmox_virtual_environment_vm.vm: agent is a block (agent { … }), not an attribute");
        assertThat(problems(terraform(), "terraform-good")).isEmpty();
    }

    /** Terraform with the real provider refuses what the provider's Go schema refuses, at file and line. */
    @Test
    void terraformValidateWithTheRealProvider() {
        TerraformValidate check = new TerraformValidate(Consumers.of(PROJECT));
        assumeTrue(System.getenv("CI") != null || Consumers.of(PROJECT).missingTerraform() == null,
                "scripts/install-consumers has not run");
        // Terraform validates in stages: each root holds one stage's mistakes. (OpenTofu, used where the
        // machine has no terraform, goes on past the first stage and reports refs' other mistakes too.)
        List<String> found = problems(check, "terraform-validate");
        assertThat(found.stream().filter(p -> !p.startsWith("terraform/clusters/refs/")
                || p.contains("missing_variable")).toList()).containsExactlyInAnyOrder(
                "terraform/clusters/calls/main.tf:3: error: Missing required argument (The argument \"name\" is required, but no definition was found.)",
                "terraform/clusters/calls/main.tf:7: error: Unsupported argument (An argument named \"color\" is not expected here.)",
                "terraform/clusters/lab/main.tf:6: error: Incorrect attribute value type (Inappropriate value for attribute \"cores\": a number is required.)",
                "terraform/clusters/lab/main.tf:9: error: Unsupported argument (An argument named \"colour\" is not expected here.)",
                "terraform/clusters/refs/main.tf:9: error: Reference to undeclared input variable (An input variable with the name"
                        + " \"missing_variable\" has not been declared. This variable can be declared with a variable \"missing_variable\" {} block.)");
    }

    /** tflint's recommended terraform rules, each finding at its file and line. */
    @Test
    void tflintRecommendedRules() {
        assumeTrue(System.getenv("CI") != null || java.nio.file.Files.isExecutable(Consumers.of(PROJECT).cache().resolve("bin/tflint")),
                "scripts/install-consumers has not run");
        Tflint tflint = new Tflint(Consumers.of(PROJECT), PROJECT.resolve("scripts/harness/tflint.hcl"));
        assertThat(problems(tflint, "tflint-bad")).containsExactlyInAnyOrder(
                "terraform/modules/thing/main.tf:3: terraform_unused_declarations: variable \"unused\" is declared but not used",
                "terraform/modules/thing/main.tf:12: terraform_deprecated_interpolation: Interpolation-only expressions are deprecated in Terraform v0.12.14",
                "terraform/modules/thing/main.tf:17: terraform_required_providers: Missing version constraint for provider \"proxmox\" in `required_providers`",
                "terraform/modules/thing/main.tf:15: terraform_required_version: terraform \"required_version\" attribute is required");
    }

    /** Flux's own build (its substitution) and kubeconform -strict on what it builds. */
    @Test
    void fluxBuildAndKubeconform() {
        Consumers consumers = Consumers.of(PROJECT);
        assumeTrue(System.getenv("CI") != null || java.nio.file.Files.isExecutable(consumers.cache().resolve("bin/kubeconform")),
                "scripts/install-consumers has not run");
        assertThat(problems(new FluxBuild(consumers), "flux-build-bad")).containsExactlyInAnyOrder(
                "flux/clusters/lab/apps.yaml (Kustomization apps): flux build: ✗ var substitution failed for 'settings-${cluster}':"
                        + " envsubst error: variable substitution failed: missing closing brace",
                "flux/clusters/lab/apps.yaml (Kustomization configs): kubeconform: StorageClass bulk: /reclaimPolicy: got number,"
                        + " want string; : additional properties 'spec' not allowed",
                "flux/apps/release.yaml: HelmRelease web: chart version '>=1.2.0 <<2' is neither a version nor a range"
                        + " Flux reads (improper constraint: \">=1.2.0 <<2\")");
    }

    /** The HelmCharts K3s installs without Flux: their CRD's schema, kubeconform, and their values against the chart's. */
    @Test
    void k3sManifestsSchemasKubeconformAndValues() {
        Consumers consumers = Consumers.of(PROJECT);
        assumeTrue(System.getenv("CI") != null || java.nio.file.Files.isExecutable(consumers.cache().resolve("bin/kubeconform")),
                "scripts/install-consumers has not run");
        List<String> found = problems(new K3sManifestsCheck(consumers), "k3s-manifests-bad");
        String file = "ansible/host_files/cp-1/manifests/helmchart-longhorn.yaml: ";
        assertThat(found).anyMatch(p -> p.startsWith(file + "HelmChart longhorn: ") && p.contains("targetNamespaces"));
        assertThat(found).anyMatch(p -> p.startsWith(file + "HelmChart longhorn: ") && p.contains("createNamespace"));
        assertThat(found).contains(file + "HelmChart longhorn: values.defaultSetings is not a value of chart longhorn-1.12.1"
                + " (Helm would ignore it)");
        assertThat(found).anyMatch(p -> p.startsWith(file + "kubeconform: HelmChart longhorn: ") && p.contains("targetNamespaces"));
    }

    /** checkov's security scan, with only the accepted checks of scripts/harness/checkov.yaml skipped. */
    @Test
    void checkovSecurityScan() {
        Consumers consumers = Consumers.of(PROJECT);
        assumeTrue(System.getenv("CI") != null || java.nio.file.Files.isExecutable(consumers.cache().resolve(
                "checkov-" + consumers.version("CHECKOV") + "/bin/checkov")), "scripts/install-consumers has not run");
        List<String> found = problems(new Checkov(consumers, PROJECT.resolve("scripts/harness/checkov.yaml")), "checkov-bad");
        assertThat(found).contains(
                "ansible/site.yml:6: CKV_ANSIBLE_2: Ensure that certificate validation isn't disabled with get_url (tasks.ansible.builtin.get_url.Download without checking the certificate)",
                "flux/pod.yaml:3: CKV_K8S_16: Container should not be privileged (Pod.default.root)");
    }

    /** Helm ignores values its chart does not read: each key path is checked against the chart's defaults. */
    @Test
    void helmValuesTheChartDoesNotRead() {
        assertThat(problems(new FluxCheck(yamlLint()), "helm-values")).filteredOn(p -> p.contains(": HelmRelease ") && p.contains(": values.") || p.contains("vendored")).containsExactly(
                "flux/infrastructure/longhorn.yaml: HelmRelease longhorn: values.persistence.createStorageClasses is not a value of chart longhorn-1.12.1 (Helm would ignore it)",
                "flux/infrastructure/longhorn.yaml: HelmRelease longhorn: values.persistence.defaultClass is a string, but chart longhorn-1.12.1 has a bool there",
                "flux/infrastructure/longhorn.yaml: HelmRelease longhorn: values.defaultSetings is not a value of chart longhorn-1.12.1 (Helm would ignore it)",
                "flux/infrastructure/longhorn.yaml: HelmRelease unknown: no default values of chart some-chart-1.0.0 are vendored (contracts/helm/): its values cannot be checked");
    }

    @Test
    void installerAnswersAndScripts() {
        needs("shellcheck");
        List<String> bad = problems(new InstallerCheck(), "installer-bad");
        assertThat(bad).contains("installer/answer.toml: /global: required property 'root-password-hashed' not found",
                "installer/answer.toml: /disk-setup/disk-list: must have at least 2 items but found 1");
        assertThat(bad).anyMatch(p -> p.startsWith("installer/prepare.sh: shellcheck:") && p.contains("SC2086"));
        assertThat(problems(new InstallerCheck(), "installer-good")).isEmpty();
    }

    @Test
    void cloudInitUserDataAndNetworkConfig() {
        needs("cloud-init", "netplan", "yamllint");
        List<String> bad = problems(new CloudInitCheck(yamlLint()), "cloudinit-bad");
        assertThat(bad).contains("cloud-init/vm/user-data: unknown top-level key 'hostnam' (cloud-init ignores it)");
        assertThat(bad).anyMatch(p -> p.startsWith("cloud-init/vm/user-data: cloud-init schema:") && p.contains("users: 5"));
        assertThat(bad).anyMatch(p -> p.startsWith("cloud-init/vm/network-config: netplan generate:")
                && p.contains("invalid boolean value 'maybe'"));
        assertThat(problems(new CloudInitCheck(yamlLint()), "cloudinit-good")).isEmpty();
    }

    @Test
    void ansiblePlaybooksLintAndK3sConfigs() {
        needs("ansible-playbook", "ansible-lint", "yamllint");
        List<String> bad = problems(new AnsibleCheck(yamlLint()), "ansible-bad");
        assertThat(bad).anyMatch(p -> p.startsWith("ansible/site.yml: syntax-check:")
                && p.contains("couldn't resolve module/action 'no_such_module_anywhere'"));
        assertThat(problems(new AnsibleCheck(yamlLint()), "ansible-lint-bad"))
                .anyMatch(p -> p.startsWith("ansible/site.yml: ansible-lint:") && p.contains("name[play]"))
                .anyMatch(p -> p.startsWith("ansible/site.yml: ansible-lint:") && p.contains("fqcn"));
        assertThat(bad).contains("ansible/host_files/x/k3s-agent.yaml: k3s config: property 'node-lable' is not defined in the schema and the schema does not allow additional properties");
        // requirements.yml (issue 25, item 5): every collection the tree uses, at the version it was checked with.
        assertThat(bad).contains("ansible/requirements.yml: the tree uses collection community.general, which it does not list")
                .anyMatch(p -> p.startsWith("ansible/requirements.yml: ansible.posix is pinned at 0.0.1 but the tree was checked with "));
        assertThat(problems(new AnsibleCheck(yamlLint()), "ansible-good")).isEmpty();
    }

    @Test
    void fluxKustomizationsAndSchemas() {
        needs("kubectl", "yamllint");
        List<String> bad = problems(new FluxCheck(yamlLint()), "flux-bad");
        assertThat(bad).anyMatch(p -> p.startsWith("flux/apps/kustomization.yaml: kubectl kustomize:") && p.contains("missing.yaml"));
        assertThat(bad).contains(
                "flux/apps/release.yaml: HelmRelease podinfo: /spec: property 'chartz' is not defined in the schema and the schema does not allow additional properties");
        assertThat(bad).anyMatch(p -> p.startsWith("flux/apps/release.yaml: HelmRelease podinfo: /spec/interval:"));
        assertThat(problems(new FluxCheck(yamlLint()), "flux-good")).isEmpty();
    }

    @Test
    void fluxReferencesAreLinked() {
        List<String> problems = FluxLinker.link(sample("flux-links"), FluxCheck.repositoryPrefix(sample("flux-links")))
                .stream().map(Problem::toString).toList();
        assertThat(problems).containsExactlyInAnyOrder(
                "flux/apps/release.yaml: HelmRepository charts is in namespace web, which nothing creates",
                "flux/apps/release.yaml: HelmRepository charts is not served over https: http://charts.example.org",
                "flux/apps/release.yaml: HelmRelease site is in namespace web, which nothing creates",
                "flux/apps/release.yaml: HelmRelease site refers to HelmRepository web/chart, which is not defined",
                "flux/apps/release.yaml: HelmRelease site uses StorageClass fast, which is not defined",
                "flux/clusters/lab/flux-system.yaml: Kustomization apps refers to GitRepository flux-system/other-repo, which is not defined",
                "flux/clusters/lab/flux-system.yaml: Kustomization apps depends on Kustomization infra-configs, which is not defined",
                "flux/clusters/lab/flux-system.yaml: Kustomization apps syncs path ./generated/flux/no-such-folder, which is no kustomization folder of the tree");
    }

    @Test
    void yamlThatYamllintRefuses() {
        needs("kubectl", "yamllint");
        assertThat(problems(new FluxCheck(yamlLint()), "yaml-bad"))
                .containsExactly("flux/ns.yaml: yamllint: 5:12: [error] trailing spaces (trailing-spaces)");
    }

    @Test
    void answerValidatorAgreesWithTheInstallersOwnFixtures() throws Exception {
        AnswerValidator validator = new AnswerValidator();
        Path fixtures = Path.of(HarnessTest.class.getResource("/contracts/answer/installer-fixtures").toURI());
        try (var accept = java.nio.file.Files.list(fixtures.resolve("accept"))) {
            for (Path file : accept.sorted().toList()) {
                assertThat(validator.validate(java.nio.file.Files.readString(file))).as(file.getFileName().toString()).isEmpty();
            }
        }
        try (var reject = java.nio.file.Files.list(fixtures.resolve("reject"))) {
            for (Path file : reject.sorted().toList()) {
                assertThat(validator.validate(java.nio.file.Files.readString(file))).as(file.getFileName().toString()).isNotEmpty();
            }
        }
    }
}
