{% if k3s_api_vip | length > 0 %}
# kube-vip holds the API VIP {{ k3s_api_vip }} on one server at a time (ARP, leader election).
{% endif %}
{% if k3s_load_balancer_ranges | length > 0 %}
# kube-vip announces the addresses kube-vip-cloud-provider gives LoadBalancer Services (pool {{ k3s_load_balancer_ranges }}).
{% endif %}
# K3s applies manifests in this folder itself.
apiVersion: v1
kind: ServiceAccount
metadata:
  name: kube-vip
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: system:kube-vip-role
rules:
  - apiGroups: [""]
    resources: ["services/status"]
    verbs: ["update"]
  - apiGroups: [""]
    resources: ["services", "endpoints", "nodes"]
    verbs: ["list", "get", "watch", "update", "patch"]
  - apiGroups: ["coordination.k8s.io"]
    resources: ["leases"]
    verbs: ["list", "get", "watch", "update", "create"]
  - apiGroups: ["discovery.k8s.io"]
    resources: ["endpointslices"]
    verbs: ["list", "get", "watch", "update"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: system:kube-vip-binding
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:kube-vip-role
subjects:
  - kind: ServiceAccount
    name: kube-vip
    namespace: kube-system
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kube-vip
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: kube-vip
  template:
    metadata:
      labels:
        app.kubernetes.io/name: kube-vip
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: node-role.kubernetes.io/control-plane
                    operator: Exists
      tolerations:
        - effect: NoSchedule
          operator: Exists
        - effect: NoExecute
          operator: Exists
      hostNetwork: true
      serviceAccountName: kube-vip
      containers:
        - name: kube-vip
          image: ghcr.io/kube-vip/kube-vip:{{ k3s_server_kube_vip_version }}
          args: ["manager"]
          env:
{% if k3s_api_vip | length > 0 %}
            - name: address
              value: "{{ k3s_api_vip }}"
            - name: port
              value: "6443"
{% endif %}
            - name: vip_arp
              value: "true"
{% if k3s_api_vip | length > 0 %}
            - name: cp_enable
              value: "true"
            - name: cp_namespace
              value: kube-system
{% endif %}
{% if k3s_load_balancer_ranges | length > 0 %}
            - name: svc_enable
              value: "true"
            - name: svc_leasename
              value: plndr-svcs-lock
{% endif %}
            - name: vip_leaderelection
              value: "true"
{% if k3s_api_interface | length > 0 %}
            - name: vip_interface
              value: "{{ k3s_api_interface }}"
{% endif %}
          securityContext:
            capabilities:
              add: ["NET_ADMIN", "NET_RAW"]
