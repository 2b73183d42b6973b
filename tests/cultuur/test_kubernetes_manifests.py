"""The Kubernetes manifests in deploy/: what a cluster operator relies on, checked on the rendered overlays.

Rendered with deploy/render.py (no kubectl needed); .ci/k8s-check also renders them with kustomize,
requires the same result and validates it against the Kubernetes schemas.
"""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
DEPLOY = BASE_DIR / "deploy"
OVERLAYS = sorted(p.name for p in (DEPLOY / "overlays").iterdir() if (p / "kustomization.yaml").exists())
# Names that carry passwords or keys, or URLs that usually hold one: never in a ConfigMap.
SECRET_NAME = re.compile(
    r"PASSWORD|SECRET|TOKEN|(^|_)KEY($|_)|^DATABASE(_REPLICA)?_URL$|BROKER_URL|CACHE_URL"
)

# `python -m celery` puts the working directory first on sys.path, as manage.py does: our `requests`
# app then always wins over a PyPI `requests` (DESIGN.md, "Known constraint").
CELERY = ["python", "-m", "celery", "-A", "cultuur"]

_spec = importlib.util.spec_from_file_location("deploy_render", DEPLOY / "render.py")
render = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render)


def rendered(overlay: str = "production") -> list[dict]:
    return render.render(DEPLOY / "overlays" / overlay)


def by_kind(objects, kind: str) -> dict[str, dict]:
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}


def app_pod_specs(objects):
    """(name, pod spec) of every workload that runs the cultuur image."""
    for obj in objects:
        if obj["kind"] in ("Deployment", "Job", "StatefulSet"):
            pod = obj["spec"]["template"]["spec"]
            if any("cultuur/cultuur" in c["image"] for c in pod["containers"]):
                yield obj["metadata"]["name"], pod


def readme_settings() -> set[str]:
    table = (BASE_DIR / "README.md").read_text()
    return set(re.findall(r"^\| `([A-Z_]+)` \|", table, flags=re.MULTILINE))


def configmap_keys(objects) -> set[str]:
    return set(by_kind(objects, "ConfigMap")["cultuur-config"]["data"])


def secret_keys() -> set[str]:
    secret = yaml.safe_load((DEPLOY / "base" / "secret.example.yaml").read_text())
    return set(secret["stringData"])


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_setting_in_the_readme_table_is_in_the_configmap_or_the_secret(overlay):
    config, secret = configmap_keys(rendered(overlay)), secret_keys()
    missing = readme_settings() - config - secret
    assert missing == set(), "add these to deploy/base/configmap.yaml (or secret.example.yaml if secret)"
    assert config & secret == set(), "a setting belongs in one of the two, not both"


def test_secrets_are_in_the_secret_and_never_in_the_configmap():
    config, secret = configmap_keys(rendered()), secret_keys()
    secret_like = {name for name in readme_settings() if SECRET_NAME.search(name)}
    assert {"SECRET_KEY", "DATABASE_URL", "EMAIL_HOST_PASSWORD", "AWS_SECRET_ACCESS_KEY"} <= secret_like
    assert secret_like <= secret
    assert secret_like & config == set()


def test_the_production_configmap_passes_the_deploy_checks(tmp_path):
    """The ConfigMap's values, as the pods get them, pass `manage.py check --deploy` with no warning."""
    config = by_kind(rendered(), "ConfigMap")["cultuur-config"]["data"]
    env = {k: v for k, v in os.environ.items() if k not in readme_settings()}
    env.update(config)
    env.update(
        SECRET_KEY="k8s-test-" + "x" * 60,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        VAR_DIR=str(tmp_path),
        STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_SETTINGS_MODULE="cultuur.settings",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_pod_runs_as_non_root_on_a_read_only_root_with_resources(overlay):
    for obj in rendered(overlay):
        if obj["kind"] not in ("Deployment", "Job", "StatefulSet"):
            continue
        name, pod = obj["metadata"]["name"], obj["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert pod["securityContext"]["runAsUser"] != 0, name
        assert pod["automountServiceAccountToken"] is False, name
        for container in pod["containers"] + pod.get("initContainers", []):
            where = f"{name}/{container['name']}"
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True, where
            assert context["allowPrivilegeEscalation"] is False, where
            assert context["capabilities"]["drop"] == ["ALL"], where
            assert {"cpu", "memory"} <= set(container["resources"]["requests"]), where
            assert "memory" in container["resources"]["limits"], where


def test_app_pods_write_only_to_emptydirs_and_read_config_from_the_configmap_and_secret():
    for name, pod in app_pod_specs(rendered()):
        volumes = {v["name"]: v for v in pod["volumes"]}
        for container in pod["containers"] + pod.get("initContainers", []):
            mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
            tmp = "/tmp"  # noqa: S108 (a mount path in the pod, not a file we open)
            assert tmp in mounts and "emptyDir" in volumes[mounts[tmp]], name
            assert all("emptyDir" in volumes[v] for v in mounts.values()), name
            sources = [next(iter(s.items())) for s in container["envFrom"]]
            assert sources == [
                ("configMapRef", {"name": "cultuur-config"}),
                ("secretRef", {"name": "cultuur-secrets"}),
            ]
            assert [e["name"] for e in container.get("env", [])] == ["HOME"], name


def test_the_web_is_replicated_probed_on_healthz_and_protected_by_a_pdb_and_an_hpa():
    objects = rendered()
    web = by_kind(objects, "Deployment")["cultuur-web"]
    assert web["spec"]["replicas"] >= 2
    assert web["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    container = web["spec"]["template"]["spec"]["containers"][0]
    assert container["command"][0] == "gunicorn"
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz?probe=ready"
    headers = {h["name"]: h["value"] for h in container["readinessProbe"]["httpGet"]["httpHeaders"]}
    config = by_kind(objects, "ConfigMap")["cultuur-config"]["data"]
    assert headers["Host"] in config["ALLOWED_HOSTS"].split(","), "the probe would get 400 DisallowedHost"
    assert headers["X-Forwarded-Proto"] == "https", "the probe would get the HTTPS redirect"
    assert "livenessProbe" in container
    labels = web["spec"]["selector"]["matchLabels"]
    pdb = by_kind(objects, "PodDisruptionBudget")["cultuur-web"]
    assert pdb["spec"]["selector"]["matchLabels"] == labels
    hpa = by_kind(objects, "HorizontalPodAutoscaler")["cultuur-web"]
    assert hpa["spec"]["scaleTargetRef"]["name"] == "cultuur-web"
    assert hpa["spec"]["minReplicas"] >= 2
    service = by_kind(objects, "Service")["cultuur-web"]
    assert service["spec"]["selector"] == labels


def test_beat_runs_exactly_once_and_workers_apart_from_it():
    objects = rendered()
    deployments = by_kind(objects, "Deployment")
    beat = deployments["cultuur-beat"]
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"] == {"type": "Recreate"}
    assert beat["spec"]["template"]["spec"]["containers"][0]["command"][:6] == [*CELERY, "beat"]
    assert "cultuur-beat" not in {
        h["spec"]["scaleTargetRef"]["name"] for h in by_kind(objects, "HorizontalPodAutoscaler").values()
    }
    worker = deployments["cultuur-worker"]["spec"]["template"]["spec"]["containers"][0]["command"]
    assert worker[:6] == [*CELERY, "worker"] and "--beat" not in worker and "-B" not in worker


def test_migrations_run_in_a_job_and_every_app_pod_waits_for_them():
    objects = rendered()
    job = by_kind(objects, "Job")["cultuur-migrate"]
    assert job["spec"]["template"]["spec"]["containers"][0]["command"] == [
        "python",
        "manage.py",
        "migrate",
        "--no-input",
    ]
    for name, pod in app_pod_specs(objects):
        if name == "cultuur-migrate":
            continue
        init = pod["initContainers"][0]
        assert init["name"] == "wait-for-migrations" and "migrate --check" in init["command"][-1], name


def test_the_mail_receiver_has_a_deployment_and_a_service_on_its_port():
    objects = rendered()
    container = by_kind(objects, "Deployment")["cultuur-mail"]["spec"]["template"]["spec"]["containers"][0]
    assert container["command"][:3] == ["python", "manage.py", "receive_mail"]
    service = by_kind(objects, "Service")["cultuur-mail"]
    assert service["spec"]["ports"][0]["targetPort"] == container["ports"][0]["name"]
    assert container["ports"][0]["containerPort"] > 1024  # a non-root process cannot bind below


def test_production_uses_external_databases_and_the_in_cluster_example_runs_its_own():
    assert "StatefulSet" not in {o["kind"] for o in rendered("production")}
    in_cluster = by_kind(rendered("in-cluster"), "StatefulSet")
    assert set(in_cluster) == {"cultuur-postgres", "cultuur-redis"}


def test_the_renderer_merges_named_lists_and_replaces_others():
    base = {
        "containers": [{"name": "web", "image": "a", "env": [{"name": "X", "value": "1"}]}],
        "args": ["a"],
    }
    patch = {"containers": [{"name": "web", "env": [{"name": "Y", "value": "2"}]}], "args": ["b"]}
    merged = render.merge(base, patch)
    assert merged["containers"] == [
        {"name": "web", "image": "a", "env": [{"name": "X", "value": "1"}, {"name": "Y", "value": "2"}]}
    ]
    assert merged["args"] == ["b"]


def test_the_wait_for_migrations_init_container_waits_until_the_job_has_migrated(tmp_path):
    """The initContainer's own command, against a database before and after `migrate` (the Job's command)."""
    web = by_kind(rendered(), "Deployment")["cultuur-web"]["spec"]["template"]["spec"]
    wait = web["initContainers"][0]["command"]
    job = by_kind(rendered(), "Job")["cultuur-migrate"]["spec"]["template"]["spec"]["containers"][0][
        "command"
    ]
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "cultuur.settings",
    }

    def run(command, **kwargs):
        command = [sys.executable, *command[1:]] if command[0] == "python" else command
        return subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True, **kwargs)

    check = run(["python", "manage.py", "migrate", "--check"])
    assert check.returncode != 0, "before the Job, `migrate --check` must fail so the pods wait"
    assert run(job).returncode == 0
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"  # `python` in the sh loop
    assert run(wait, timeout=120).returncode == 0  # returns at once: the schema is there


@pytest.mark.django_db
def test_the_readiness_probe_request_gets_the_health_check_not_a_redirect_or_a_400(client, settings):
    """The kubelet's request exactly as web.yaml describes it, against the ConfigMap's host settings."""
    objects = rendered()
    config = by_kind(objects, "ConfigMap")["cultuur-config"]["data"]
    probe = by_kind(objects, "Deployment")["cultuur-web"]["spec"]["template"]["spec"]["containers"][0]
    probe = probe["readinessProbe"]["httpGet"]
    settings.ALLOWED_HOSTS = config["ALLOWED_HOSTS"].split(",")
    settings.SECURE_SSL_REDIRECT = config["SECURE_SSL_REDIRECT"] == "true"
    headers = {h["name"]: h["value"] for h in probe["httpHeaders"]}

    response = client.get(
        probe["path"], headers={"X-Forwarded-Proto": headers["X-Forwarded-Proto"]}, HTTP_HOST=headers["Host"]
    )
    assert response.status_code == 200
    assert response.json()["database"]["ok"] is True
    # Without those headers the same request would be redirected to HTTPS, and an unknown host refused.
    assert client.get(probe["path"], HTTP_HOST=headers["Host"]).status_code == 301
    assert (
        client.get(
            probe["path"], HTTP_HOST="cultuur-web-5d8f7:8000", headers={"X-Forwarded-Proto": "https"}
        ).status_code
        == 400
    )
