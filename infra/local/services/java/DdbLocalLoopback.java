// Starts DynamoDB Local bound to one host (127.0.0.1 by default). The stock jar has no
// host option and listens on every interface; this launcher sets the Jetty connector's
// host by reflection before starting. Works with DynamoDB Local 1.x and 2.x/3.x.
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
    proxy.getClass().getMethod("start").invoke(proxy);
  }
}
