package dev.sitec.validate;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.load.SourceMap;
import dev.sitec.model.Site;
import dev.sitec.validate.rules.AddressesInsideNetworks;
import dev.sitec.validate.rules.AddressesUnique;
import dev.sitec.validate.rules.AppsClearOfKubeSystemHelmCharts;
import dev.sitec.validate.rules.BackupReferencesResolve;
import dev.sitec.validate.rules.BalloonFits;
import dev.sitec.validate.rules.BtrfsOnlyOnProxmoxVe;
import dev.sitec.validate.rules.ChartVersionsPinned;
import dev.sitec.validate.rules.ChecksumsOnFixedUrls;
import dev.sitec.validate.rules.CidrsAreNetworkAddresses;
import dev.sitec.validate.rules.ContainerReferencesResolve;
import dev.sitec.validate.rules.DatacenterManagerReferencesResolve;
import dev.sitec.validate.rules.DatacenterManagerRunsFromIso;
import dev.sitec.validate.rules.DeviceNamesUnique;
import dev.sitec.validate.rules.DhcpOnlyWithoutCidr;
import dev.sitec.validate.rules.ContainerTemplatesNameTheirDistribution;
import dev.sitec.validate.rules.DownloadsProxmoxCanDecompress;
import dev.sitec.validate.rules.PlaceholdersReplaced;
import dev.sitec.validate.rules.EtcdQuorum;
import dev.sitec.validate.rules.HostsInOneCluster;
import dev.sitec.validate.rules.ClustersKeepApart;
import dev.sitec.validate.rules.ApiVersionDeclared;
import dev.sitec.validate.rules.SdCardsHoldNoEtcdOrLonghorn;
import dev.sitec.validate.rules.LonghornReplicasFitNodes;
import dev.sitec.validate.rules.AcceleratorsReachPods;
import dev.sitec.validate.rules.GuestImagesFit;
import dev.sitec.validate.rules.TemplatesOnSiteNodes;
import dev.sitec.validate.rules.TemplateVmIdsFree;
import dev.sitec.validate.rules.LinkedOnlyForClones;
import dev.sitec.validate.rules.ClonesInTheTemplatesCluster;
import dev.sitec.validate.rules.LinkedClonesOnTheTemplatesDatastore;
import dev.sitec.validate.rules.LinkedClonesOnOtherNodesNeedSharedStorage;
import dev.sitec.validate.rules.HostnamesUnique;
import dev.sitec.validate.rules.ImagesFitTargets;
import dev.sitec.validate.rules.InstalledHostsOnVmbr0;
import dev.sitec.validate.rules.InstallerNetworksAreComplete;
import dev.sitec.validate.rules.KubernetesNodesOnApiNetwork;
import dev.sitec.validate.rules.KubernetesNodesRunLinux;
import dev.sitec.validate.rules.KubernetesReferencesResolve;
import dev.sitec.validate.rules.MachineReferencesResolve;
import dev.sitec.validate.rules.MachineRolesMatchKubernetes;
import dev.sitec.validate.rules.MachineVlansAreTagged;
import dev.sitec.validate.rules.MacsAreUnicast;
import dev.sitec.validate.rules.DiskSlotsUnique;
import dev.sitec.validate.rules.MacsUnique;
import dev.sitec.validate.rules.NetworkMtuCarriedByHosts;
import dev.sitec.validate.rules.NetworkReferencesResolve;
import dev.sitec.validate.rules.NetworksDoNotOverlap;
import dev.sitec.validate.rules.NfsServerReachable;
import dev.sitec.validate.rules.NodeLabelsNotReserved;
import dev.sitec.validate.rules.NodesHaveDatastore;
import dev.sitec.validate.rules.PassthroughDevicesExclusive;
import dev.sitec.validate.rules.PetsAreBackedUp;
import dev.sitec.validate.rules.AllowReplaceIsTemporary;
import dev.sitec.validate.rules.RaidHasEnoughDisks;
import dev.sitec.validate.rules.RequiredSecretsDeclared;
import dev.sitec.validate.rules.StaticAddressesWhereNeeded;
import dev.sitec.validate.rules.TaggedNetworksShareOneBridge;
import dev.sitec.validate.rules.TagsAreNotSitecs;
import dev.sitec.validate.rules.VlansUnique;
import dev.sitec.validate.rules.VmIdsUnique;
import dev.sitec.validate.rules.VmReferencesResolve;
import dev.sitec.validate.rules.KubernetesNodesRunSupportedDistribution;
import dev.sitec.validate.rules.ApiWithoutVipHasNoFailover;
import dev.sitec.validate.rules.LoadBalancerPoolFits;
import java.util.ArrayList;
import java.util.List;

/** Runs every semantic rule and reports all their findings at once, in source order. */
public final class SemanticValidator {

    private static final List<SiteRule> RULES = List.of(
            new PlaceholdersReplaced(),
            new VmReferencesResolve(),
            new MachineReferencesResolve(),
            new ContainerReferencesResolve(),
            new ContainerTemplatesNameTheirDistribution(),
            new NetworkReferencesResolve(),
            new KubernetesReferencesResolve(),
            new DatacenterManagerReferencesResolve(),
            new BackupReferencesResolve(),
            new HostnamesUnique(),
            new CidrsAreNetworkAddresses(),
            new NetworksDoNotOverlap(),
            new VlansUnique(),
            new TaggedNetworksShareOneBridge(),
            new DhcpOnlyWithoutCidr(),
            new StaticAddressesWhereNeeded(),
            new MachineVlansAreTagged(),
            new InstalledHostsOnVmbr0(),
            new NodesHaveDatastore(),
            new AddressesInsideNetworks(),
            new AddressesUnique(),
            new MacsUnique(),
            new DiskSlotsUnique(),
            new MacsAreUnicast(),
            new VmIdsUnique(),
            new HostsInOneCluster(),
            new ClustersKeepApart(),
            new EtcdQuorum(),
            new SdCardsHoldNoEtcdOrLonghorn(),
            new LonghornReplicasFitNodes(),
            new AcceleratorsReachPods(),
            new KubernetesNodesOnApiNetwork(),
            new ImagesFitTargets(),
            new GuestImagesFit(),
            new TemplatesOnSiteNodes(),
            new TemplateVmIdsFree(),
            new LinkedOnlyForClones(),
            new ClonesInTheTemplatesCluster(),
            new LinkedClonesOnTheTemplatesDatastore(),
            new LinkedClonesOnOtherNodesNeedSharedStorage(),
            new KubernetesNodesRunLinux(),
            new KubernetesNodesRunSupportedDistribution(),
            new ApiWithoutVipHasNoFailover(),
            new LoadBalancerPoolFits(),
            new AppsClearOfKubeSystemHelmCharts(),
            new TagsAreNotSitecs(),
            new BalloonFits(),
            new ChartVersionsPinned(),
            new ChecksumsOnFixedUrls(),
            new DownloadsProxmoxCanDecompress(),
            new NetworkMtuCarriedByHosts(),
            new NfsServerReachable(),
            new DeviceNamesUnique(),
            new PassthroughDevicesExclusive(),
            new RaidHasEnoughDisks(),
            new BtrfsOnlyOnProxmoxVe(),
            new InstallerNetworksAreComplete(),
            new DatacenterManagerRunsFromIso(),
            new MachineRolesMatchKubernetes(),
            new NodeLabelsNotReserved(),
            new RequiredSecretsDeclared(),
            new PetsAreBackedUp(),
            new AllowReplaceIsTemporary(),
            new ApiVersionDeclared());

    public List<Diagnostic> validate(Site site, SourceMap sources) {
        RuleContext context = new RuleContext(site, sources);
        List<Diagnostic> all = new ArrayList<>();
        for (SiteRule rule : RULES) {
            String name = rule.getClass().getSimpleName();
            rule.check(context).forEach(d -> all.add(d.foundBy(name)));
        }
        all.sort(Diagnostic.IN_SOURCE_ORDER);
        return all;
    }
}
