#!/usr/bin/env bash
# Two MlaFlow nodes on this machine, as two central authorities would run them: China's (CN-MOJ, port 5080) and
# Thailand's (TH-OAG, port 5081), each with its own data folder, store and keys, each knowing the other's public keys
# (imported by fingerprint) and address. Their workflows' messages, and the files they carry, cross as sealed,
# signed envelopes. Ctrl-C stops both. Run from the repository's root:  samples/two-nodes.sh [folder]
set -euo pipefail

root=$(realpath -m "${1:-./two-nodes}")
mkdir -p "$root"
dotnet build src/Silo -c Release -v quiet -nologo >/dev/null
silo=(dotnet src/Silo/bin/Release/net10.0/MlaFlow.Silo.dll)
# A demonstration secret: a real node takes its own from its environment or a KEK, never from a script.
export MlaFlow__Keys__Passphrase="${MlaFlow__Keys__Passphrase:-two nodes on one machine, for trying only}"

# node FOLDER AUTHORITY ARGS…: runs the silo as that authority's node.
node() { "${silo[@]}" "${@:3}" "--MlaFlow:DataPath=$root/$1" "--MlaFlow:Authorities:0=$2"; }

for side in "cn CN-MOJ" "th TH-OAG"; do
  read -r folder authority <<<"$side"
  [ -d "$root/$folder/keys/own" ] || node "$folder" "$authority" keys generate --authority "$authority" >/dev/null
  node "$folder" "$authority" keys export-public --authority "$authority" --out "$root/$authority.json" | sed -n 's/^fingerprint: //p' >"$root/$authority.fingerprint"
done

# Between two real authorities each fingerprint is read out over another channel (a phone call), not copied.
node cn CN-MOJ keys import-peer "$root/TH-OAG.json" --fingerprint "$(cat "$root/TH-OAG.fingerprint")" >/dev/null
node th TH-OAG keys import-peer "$root/CN-MOJ.json" --fingerprint "$(cat "$root/CN-MOJ.fingerprint")" >/dev/null

trap 'kill $(jobs -p) 2>/dev/null' EXIT
# Each node is an Orleans cluster of its own, so each needs silo and gateway ports of its own on this machine.
node cn CN-MOJ --urls http://127.0.0.1:5080 --MlaFlow:Exchange:Peers:TH-OAG=http://127.0.0.1:5081/ --MlaFlow:Cluster:SiloPort=11111 --MlaFlow:Cluster:GatewayPort=30000 &
node th TH-OAG --urls http://127.0.0.1:5081 --MlaFlow:Exchange:Peers:CN-MOJ=http://127.0.0.1:5080/ --MlaFlow:Cluster:SiloPort=11112 --MlaFlow:Cluster:GatewayPort=30001 &
cat <<INFO
China's node: http://127.0.0.1:5080   token: ${silo[*]} token --authority CN-MOJ --role officer --MlaFlow:DataPath=$root/cn
Thailand's node: http://127.0.0.1:5081 token: ${silo[*]} token --authority TH-OAG --role officer --MlaFlow:DataPath=$root/th
INFO
wait
