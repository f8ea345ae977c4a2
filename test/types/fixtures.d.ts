// Names for the library's types as the tests use them: the simulator and its virtual clock the
// fixtures start, and what the flow harness collects from the flow under test.
type TestSim = import('../../dist/src/simulator').Simulator;
type TestClock = import('../../dist/src/clock').VirtualClock;
/** The account node as the tests reach it: its client and problem. */
type TestAccountNode = import('../../dist/nodes/shared/types').AccountNode;

/** A node module as Node-RED loads it: a function of the runtime API. */
type TestNodeModule = (RED: never) => void;

/**
 * A message a helper node receives from the node under test, a Catch or a Status node: the
 * FusionSolar meta data (with a command's tracking), a caught error, a status.
 */
type NodeRedMessage = import('node-red').NodeMessageInFlow;
type FusionSolarNodeMessage = import('../../dist/nodes/shared/types').FusionSolarMessage;
interface TestMessage extends NodeRedMessage, Pick<FusionSolarNodeMessage, 'operation'> {
  /** The answer of the operation under test: each test asserts the shape of its own operation. */
  payload?: any;
  /** FusionSolarMeta as the tests read it: the error and failed items with their fields. */
  fusionsolar?: {
    operation: string;
    calls: number;
    total?: number;
    quota?: import('../../dist/nodes/shared/types').FusionSolarMeta['quota'];
    tracking?: { state: string; [field: string]: unknown };
    /** A caught error's fields (FusionSolarError's toJSON()). */
    error?: {
      code: string;
      message: string;
      field?: string;
      retryAfter?: number;
      details?: Record<string, unknown>;
      [field: string]: unknown;
    };
    /** The items that failed, each as the operation reports it. */
    failed?: Array<Record<string, unknown>>;
    /** The request node's whole answer (envelope). */
    response?: { success?: boolean; failCode?: number | string; data?: unknown; [field: string]: unknown };
    [extra: string]: unknown;
  };
  error?: {
    message: string;
    code?: string;
    retryAfter?: number;
    source?: { id: string; type: string; name?: string };
    [field: string]: unknown;
  };
  status?: import('node-red').NodeStatus & { source?: { id: string; type: string } };
}

/** What a Catch node sends: the message with the error that was caught. */
type CaughtMessage = TestMessage & { error: NonNullable<TestMessage['error']> };

/** What a Status node sends: the status a node showed, naming that node. */
type StatusMessage = TestMessage & {
  status: import('node-red').NodeStatus & { source: { id: string; type: string; name?: string } };
};

/** The helper nodes the flow harness watches, each with the messages it received in order. */
interface SeenMessages {
  out: TestMessage[];
  out2: TestMessage[];
  caught: CaughtMessage[];
  completed: TestMessage[];
  statuses: StatusMessage[];
}

/** What the harness's send() gives back: the messages on the first output and the caught error. */
interface SendResult {
  out: TestMessage[];
  error: TestMessage['error'];
  caught: CaughtMessage | undefined;
}

/** A node of a flow as the tests write it: id, type and its settings by name. */
interface FlowNode {
  id: string;
  type: string;
  [setting: string]: unknown;
}

/** The demo (`npm start`) as test/helpers/demo.js starts it: ports, user dir, output, stop(). */
type TestDemo = Awaited<ReturnType<(typeof import('../helpers/demo'))['startDemo']>>;

/** A message of the debug sidebar as Node-RED's comms socket sends it (topic "debug"). */
interface DebugMessage {
  name?: string;
  format?: string;
  msg?: string;
  [field: string]: unknown;
}
