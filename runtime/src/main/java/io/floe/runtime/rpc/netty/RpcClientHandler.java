package io.floe.runtime.rpc.netty;

import io.floe.runtime.rpc.netty.RpcMessage.FailureResponse;
import io.floe.runtime.rpc.netty.RpcMessage.SuccessResponse;
import io.netty.channel.ChannelHandlerContext;

/** Client side of one connection: hands answers to its {@link RpcClientConnection}. */
final class RpcClientHandler extends RpcChannelHandler {

    private final RpcClientConnection connection;

    RpcClientHandler(RpcClientConnection connection) {
        this.connection = connection;
    }

    @Override
    protected void onMessage(ChannelHandlerContext context, RpcMessage message) {
        if (message instanceof SuccessResponse success) {
            connection.onSuccess(success);
        } else if (message instanceof FailureResponse failure) {
            connection.onFailure(failure);
        } else {
            refuse(context, "a server must not send '" + message.wireType() + "' messages");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        connection.onClosed(null);
        super.channelInactive(context);
    }
}
