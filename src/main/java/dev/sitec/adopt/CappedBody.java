package dev.sitec.adopt;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as it comes and kept only up to a bound: past it the exchange is cancelled and
 * the body fails with {@link TooLarge}, so an endless answer costs that bound and not the whole heap.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body went past the bound. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final int maxBytes;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long received;

    CappedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (body.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE); // held back by the bound, not by demand
        }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return; // stopped: what still comes is dropped
        }
        for (ByteBuffer item : items) {
            received += item.remaining();
            if (received > maxBytes) {
                stop(new TooLarge());
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public synchronized void onComplete() {
        body.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    /** Ends the exchange (past the deadline): no more bytes are taken or kept. */
    synchronized void stop(RuntimeException why) {
        if (subscription != null) {
            subscription.cancel();
        }
        bytes.reset();
        body.completeExceptionally(why);
    }

    synchronized long received() {
        return received;
    }
}
