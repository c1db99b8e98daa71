package io.floe.runtime.blob;

/** The contract for the store that keeps nothing. */
class VoidBlobStoreTest extends BlobStoreContractTest {
    @Override
    protected BlobStore createStore() {
        return new VoidBlobStore();
    }

    @Override
    protected boolean keepsBlobs() {
        return false;
    }
}
