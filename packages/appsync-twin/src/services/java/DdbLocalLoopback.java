// Starts DynamoDB Local bound to one host (127.0.0.1 by default). The stock jar has no
// host option and listens on every interface; this launcher sets the Jetty connector's
// host by reflection before starting. Works with DynamoDB Local 1.x and 2.x/3.x.
//
// Lifeline: the launcher stops the server and exits 0 when its standard input reaches end
// of file. The parent keeps a pipe to it open, and the kernel closes that pipe however the
// parent ends (even SIGKILL), so the JVM never outlives the twin. Closing the pipe is also
// how the twin asks for an orderly stop.
public class DdbLocalLoopback {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("ddb.host", "127.0.0.1");
    Class<?> runner;
    try {
      runner = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner");
    } catch (ClassNotFoundException e) {
      runner = Class.forName("com.amazonaws.services.dynamodbv2.local.main.ServerRunner");
    }
    Object proxy = runner.getMethod("createServerFromCommandLineArgs", String[].class).invoke(null, (Object) args);
    java.lang.reflect.Field field = proxy.getClass().getDeclaredField("server");
    field.setAccessible(true);
    Object jetty = field.get(proxy);
    for (Object connector : (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty)) {
      connector.getClass().getMethod("setHost", String.class).invoke(connector, host);
    }
    if (Boolean.parseBoolean(System.getProperty("ddb.stdinLifeline", "false"))) watchStdin(proxy);
    proxy.getClass().getMethod("start").invoke(proxy);
  }

  private static void watchStdin(Object proxy) {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Input is ignored; only its end matters.
        }
      } catch (java.io.IOException e) {
        // A broken pipe means the parent is gone, as end of file does.
      }
      int status = 0;
      try {
        proxy.getClass().getMethod("stop").invoke(proxy);
      } catch (Exception e) {
        status = 1;
      }
      System.exit(status);
    }, "stdin-lifeline");
    watcher.setDaemon(true);
    watcher.start();
  }
}
