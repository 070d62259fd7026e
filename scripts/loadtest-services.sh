#!/usr/bin/env bash
# The load run against the local services: starts Azurite (blob, queue), cosmosdb-server and maildev on free
# loopback ports, runs `pipeline loadtest` through them (the Azure flow: blob → intake → Cosmos DB → queue →
# SMTP), and stops them again. Extra arguments go to loadtest, e.g. --reports 500 --concurrency 8 --json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/.tools/node/node_modules/.bin"
for tool in azurite cosmosdb-server maildev; do
  if [ ! -x "$bin/$tool" ]; then
    echo "缺少 $tool，请先运行 ./scripts/bootstrap.sh" >&2
    exit 2
  fi
done

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_port() {
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "本地服务未能在端口 $1 上启动" >&2
  return 1
}

blob=$(free_port); queue=$(free_port); table=$(free_port); cosmos=$(free_port); smtp=$(free_port); web=$(free_port)
logs="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

"$bin/azurite" --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" \
  --inMemoryPersistence --skipApiVersionCheck --disableProductStyleUrl --silent >"$logs/azurite.log" 2>&1 & pids+=($!)
"$bin/cosmosdb-server" --no-ssl --host 127.0.0.1 -p "$cosmos" >"$logs/cosmos.log" 2>&1 & pids+=($!)
"$bin/maildev" --smtp "$smtp" --ip 127.0.0.1 --web "$web" --web-ip 127.0.0.1 --silent >"$logs/maildev.log" 2>&1 & pids+=($!)
for port in "$blob" "$queue" "$cosmos" "$smtp" "$web"; do wait_port "$port"; done

# Azurite's and the Cosmos DB emulator's published development keys: not secrets.
azurite_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
cosmos_key="C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="
"$root/pipeline" loadtest \
  --cosmos "AccountEndpoint=http://127.0.0.1:$cosmos/;AccountKey=$cosmos_key" \
  --storage "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$azurite_key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;" \
  --smtp "127.0.0.1:$smtp" --mail-api "http://127.0.0.1:$web/api/" "$@"
