package com.parla.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The least STOMP 1.2 client that sends a frame, as any script or non-Java system would. */
final class StompClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    StompClient(int port, String login, String passcode) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        frame("CONNECT\naccept-version:1.2\nhost:localhost\nlogin:" + login + "\npasscode:" + passcode + "\n\n");
        String reply = readFrame();
        if (!reply.startsWith("CONNECTED")) {
            throw new IOException("STOMP connect refused: " + reply);
        }
    }

    /** Sends a persistent message and waits for the broker's receipt. */
    void send(String queue, String body) throws IOException {
        frame("SEND\ndestination:/queue/" + queue + "\npersistent:true\ncontent-type:application/json\nreceipt:r1\n\n"
                + body);
        String reply = readFrame();
        if (!reply.startsWith("RECEIPT")) {
            throw new IOException("STOMP send failed: " + reply);
        }
    }

    private void frame(String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.flush();
    }

    private String readFrame() throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) {
            frame.write(b);
        }
        return frame.toString(StandardCharsets.UTF_8).stripLeading();
    }

    @Override
    public void close() throws IOException {
        frame("DISCONNECT\n\n");
        socket.close();
    }
}
