// node-red-node-test-helper ships no types: the part of its API the tests and soaks use.
declare module 'node-red-node-test-helper' {
  import type { Node, NodeMessage } from 'node-red';

  type NodeModule = TestNodeModule;

  /**
   * A node of the loaded flow. The account node carries its client; `receive` injects a message
   * as a wire into the node would.
   */
  interface TestNode extends Node, Partial<Pick<TestAccountNode, 'client' | 'problem'>> {
    receive(msg?: Partial<NodeMessage> & Record<string, unknown>): void;
    /** The helper spies on the node's log methods (sinon): the calls' arguments. */
    warn: ((msg: unknown) => void) & { args: unknown[][] };
    on(event: 'input', listener: (msg: TestMessage) => void): this;
    on(event: 'close', listener: (removed?: boolean, done?: () => void) => void): this;
  }

  /** The response of supertest's agent: the fields the tests read. */
  interface TestResponse {
    status: number;
    text: string;
    headers: Record<string, string>;
    /** The parsed JSON answer of the admin endpoint under test; each test asserts its shape. */
    body: any;
  }

  interface TestRequest extends PromiseLike<TestResponse> {
    set(field: string, value: string): TestRequest;
    type(kind: string): TestRequest;
    send(body?: string | object): TestRequest;
    expect(status: number): TestRequest;
  }

  interface TestAgent {
    get(url: string): TestRequest;
    post(url: string): TestRequest;
    put(url: string): TestRequest;
    delete(url: string): TestRequest;
  }

  /** A line of Node-RED's log as its log handlers get it. */
  interface LogEntry {
    level: number;
    id?: string;
    type?: string;
    name?: string;
    msg?: unknown;
  }

  /** A sinon spy on Node-RED's log: the levels and the recorded calls. */
  interface LogSpy {
    ERROR: number;
    WARN: number;
    FATAL: number;
    args: Array<[LogEntry]>;
    getCalls(): Array<{ args: [LogEntry] }>;
  }

  interface NodeTestHelper {
    init(runtimePath: string, userSettings?: object): void;
    settings(userSettings?: object): object;
    load(
      nodes: NodeModule | NodeModule[],
      flow: object[],
      credentials?: Record<string, object>,
      cb?: (err?: Error) => void,
    ): Promise<void>;
    setFlows(flow: object[], type?: 'full' | 'flows' | 'nodes', credentials?: Record<string, object>): Promise<void>;
    unload(): Promise<void>;
    getNode(id: string): TestNode;
    request(): TestAgent;
    startServer(cb?: (err?: Error) => void): Promise<void>;
    stopServer(cb?: (err?: Error) => void): Promise<void>;
    url(): string;
    log(): LogSpy;
    /** Internal: the sinon sandbox of the log spy; the fault engine clears its history per batch. */
    _sandbox: { resetHistory(): void };
  }

  const helper: NodeTestHelper;
  export = helper;
}
