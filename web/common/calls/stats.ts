/**
 * What is flowing in a built-in call, read from RTCPeerConnection.getStats(): the bytes and
 * frames each side receives and sends, losses and the round trip. The call screen samples it to
 * know whether the other person's video really arrives (else it shows their photo), and to say
 * when the connection is weak.
 */

/** One reading of a connection's statistics. */
export interface CallFlow {
  /** performance.now() of the reading. */
  at: number;
  audioBytesReceived: number;
  videoBytesReceived: number;
  videoFramesDecoded: number;
  audioBytesSent: number;
  videoBytesSent: number;
  packetsReceived: number;
  packetsLost: number;
  /** Of the pair of candidates in use; null before there is one. */
  roundTripMs: number | null;
}

type Stat = Record<string, unknown> & { type: string; kind?: string; id: string };

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Reads a connection's statistics once. */
export async function readFlow(pc: RTCPeerConnection): Promise<CallFlow> {
  const report = await pc.getStats();
  const flow: CallFlow = { at: performance.now(), audioBytesReceived: 0, videoBytesReceived: 0, videoFramesDecoded: 0, audioBytesSent: 0, videoBytesSent: 0, packetsReceived: 0, packetsLost: 0, roundTripMs: null };
  let selectedPair: string | undefined;
  const stats: Stat[] = [];
  report.forEach((value: Stat) => stats.push(value));
  for (const stat of stats) {
    if (stat.type === 'inbound-rtp') {
      if (stat.kind === 'audio') flow.audioBytesReceived += num(stat.bytesReceived);
      if (stat.kind === 'video') {
        flow.videoBytesReceived += num(stat.bytesReceived);
        flow.videoFramesDecoded += num(stat.framesDecoded);
      }
      flow.packetsReceived += num(stat.packetsReceived);
      flow.packetsLost += Math.max(0, num(stat.packetsLost));
    } else if (stat.type === 'outbound-rtp') {
      if (stat.kind === 'audio') flow.audioBytesSent += num(stat.bytesSent);
      if (stat.kind === 'video') flow.videoBytesSent += num(stat.bytesSent);
    } else if (stat.type === 'transport' && typeof stat.selectedCandidatePairId === 'string') {
      selectedPair = stat.selectedCandidatePairId;
    }
  }
  const pair = stats.find((stat) => stat.id === selectedPair) ?? stats.find((stat) => stat.type === 'candidate-pair' && stat.nominated === true && stat.state === 'succeeded');
  if (pair && typeof pair.currentRoundTripTime === 'number') flow.roundTripMs = Math.round(pair.currentRoundTripTime * 1000);
  return flow;
}

/** What changed between two readings: whether audio and video arrive, and how much got lost. */
export interface FlowChange {
  receivingAudio: boolean;
  receivingVideo: boolean;
  /** Share of packets lost between the readings, 0 to 1. */
  lossRatio: number;
}

/** Compares two readings of the same connection. */
export function compareFlow(before: CallFlow, after: CallFlow): FlowChange {
  const received = after.packetsReceived - before.packetsReceived;
  const lost = after.packetsLost - before.packetsLost;
  return {
    receivingAudio: after.audioBytesReceived > before.audioBytesReceived,
    // Bytes alone can be the keep-alive of a stopped camera; decoded frames are pictures.
    receivingVideo: after.videoFramesDecoded > before.videoFramesDecoded,
    lossRatio: received + lost > 0 ? Math.max(0, lost) / (received + lost) : 0,
  };
}
