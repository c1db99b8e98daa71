package io.floe.runtime.rpc;

/** The in-memory service fences calls as the Netty one does: the same tests, on one {@link TestingRpcService}. */
class FencedRpcEndpointOnTestingRpcServiceTest extends FencedRpcEndpointTest {

    @Override
    protected RpcService[] startServices() {
        TestingRpcService service = new TestingRpcService();
        return new RpcService[] {service, service};
    }
}
