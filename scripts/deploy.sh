#!/usr/bin/env bash
# Deploys one environment, in the only order that works:
#   1. the infrastructure (infra/main.bicep with infra/env/ENV.bicepparam);
#   2. the Functions code (the zip scripts/publish-functions.sh builds);
#   3. the Event Grid subscription, whose webhook needs the blobs_extension key the running code creates.
# Usage: scripts/deploy.sh ENV [--event-grid-only]
#   AZURE_RESOURCE_GROUP (default rg-gip-ENV), AZURE_LOCATION (needed when the group does not exist),
#   FUNCTIONS_ZIP (a zip already built; otherwise scripts/publish-functions.sh builds out/functions.zip).
# Needs: az (logged in to the right cloud: `az cloud set --name AzureChinaCloud` for Azure China), and on the
# resource group Owner or User Access Administrator + Contributor (the templates assign roles), plus
# Storage Blob Data Contributor on the host storage for the Elastic Premium package upload.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

env="${1:-}"
mode="${2:-all}"
if [ -z "$env" ] || [ ! -f "$root/infra/env/$env.bicepparam" ]; then
  echo "usage: scripts/deploy.sh ENV [--event-grid-only]   (ENV: one of $(cd "$root/infra/env" && ls ./*.bicepparam | sed 's|^\./||; s|\.bicepparam$||' | tr '\n' ' '))" >&2
  exit 2
fi
params="$root/infra/env/$env.bicepparam"
group="${AZURE_RESOURCE_GROUP:-rg-gip-$env}"
deployment="gip-$env"

# The parameter file says which cloud it is for; az must be logged in to that one.
want_cloud=AzureCloud
grep -Eq "^param cloud = 'AzureChinaCloud'" "$params" && want_cloud=AzureChinaCloud
have_cloud="$(az cloud show --query name -o tsv)"
if [ "$have_cloud" != "$want_cloud" ]; then
  echo "deploy: $params is for $want_cloud, but az is set to $have_cloud (az cloud set --name $want_cloud; az login)" >&2
  exit 1
fi

# A deployment output; under azd (its postdeploy hook) the outputs are already in the environment.
output() {
  if [ -n "${!1:-}" ]; then echo "${!1}"; return; fi
  az deployment group show -g "$group" -n "$deployment" --query "properties.outputs.$1.value" -o tsv
}

if [ "$mode" != "--event-grid-only" ]; then
  if [ "$(az group exists -n "$group")" != "true" ]; then
    : "${AZURE_LOCATION:?the resource group $group does not exist: set AZURE_LOCATION to create it}"
    az group create -n "$group" -l "$AZURE_LOCATION" -o none
  fi

  echo "deploy: 1/3 infrastructure ($params → $group)" >&2
  az deployment group create -g "$group" -n "$deployment" --parameters "$params" -o none

  app="$(output functionAppName)"
  plan="$(output hostingPlan)"
  echo "deploy: 2/3 code → $app ($plan)" >&2
  zip="${FUNCTIONS_ZIP:-}"
  if [ -z "$zip" ]; then
    zip="$root/out/functions.zip"
    "$root/scripts/publish-functions.sh" "$zip"
  fi
  [ -f "$zip" ] || { echo "deploy: no Functions zip at '$zip' (set FUNCTIONS_ZIP)" >&2; exit 1; }

  if [ "$plan" = "FlexConsumption" ]; then
    # Flex deploys into its deployment container with the app's identity.
    az functionapp deployment source config-zip -g "$group" -n "$app" --src "$zip" -o none
  else
    # Elastic Premium runs the package from the blob WEBSITE_RUN_FROM_PACKAGE names, read with the identity.
    az storage blob upload --auth-mode login --account-name "$(output hostStorageName)" \
      --container-name deployments --name functions.zip --file "$zip" --overwrite -o none
    az functionapp restart -g "$group" -n "$app" -o none
  fi
fi

app="$(output functionAppName)"
echo "deploy: 3/3 Event Grid subscription → $app" >&2
# The blob trigger's system key appears once the host has started with the new code.
for attempt in $(seq 1 30); do
  key="$(az functionapp keys list -g "$group" -n "$app" --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)"
  [ -n "$key" ] && break
  [ "$attempt" -eq 30 ] && { echo "deploy: the app has no blobs_extension key after 5 minutes: is IntakeReport deployed and the host running?" >&2; exit 1; }
  sleep 10
done
az deployment group create -g "$group" -n "$deployment-events" \
  --template-file "$root/infra/modules/event-grid-subscription.bicep" \
  --parameters systemTopicName="$(output systemTopicName)" functionAppName="$app" \
    dropStorageName="$(output dropStorageName)" deadLetterContainerName="$(output deadLetterContainerName)" -o none
echo "deploy: $env deployed to $group ($(output functionAppHostName))" >&2
