export const id = 691;
export const ids = [691];
export const modules = {

/***/ 9691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SCHEMES: () => (/* reexport */ SCHEMES),
  describeCycloneDx: () => (/* binding */ describeCycloneDx),
  describeSpdx: () => (/* binding */ describeSpdx),
  parseImageInput: () => (/* reexport */ parseImageInput),
  scanImage: () => (/* binding */ scanImage)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/actions-core.ts
var actions_core = __webpack_require__(2813);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(3497);
// EXTERNAL MODULE: ./actions/sbom/src/model/purl.ts
var purl = __webpack_require__(7572);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(663);
// EXTERNAL MODULE: ./actions/sbom/src/licenses/text.ts
var licenses_text = __webpack_require__(5357);
;// CONCATENATED MODULE: ./actions/sbom/src/image/java-group-ids.json
const java_group_ids_namespaceObject = /*#__PURE__*/JSON.parse('{"SX":{"org.lz4.java":"org.lz4"},"TN":{"ant":"org.apache.ant","ant-antlr":"org.apache.ant","ant-antunit":"org.apache.ant","ant-apache-bcel":"org.apache.ant","ant-apache-bsf":"org.apache.ant","ant-apache-log4j":"org.apache.ant","ant-apache-oro":"org.apache.ant","ant-apache-regexp":"org.apache.ant","ant-apache-resolver":"org.apache.ant","ant-apache-xalan2":"org.apache.ant","ant-commons-logging":"org.apache.ant","ant-commons-net":"org.apache.ant","ant-compress":"org.apache.ant","ant-dotnet":"org.apache.ant","ant-imageio":"org.apache.ant","ant-jai":"org.apache.ant","ant-jakartamail":"org.apache.ant","ant-javamail":"org.apache.ant","ant-jdepend":"org.apache.ant","ant-jmf":"org.apache.ant","ant-jsch":"org.apache.ant","ant-junit":"org.apache.ant","ant-junit4":"org.apache.ant","ant-junitlauncher":"org.apache.ant","ant-launcher":"org.apache.ant","ant-netrexx":"org.apache.ant","ant-nodeps":"org.apache.ant","ant-parent":"org.apache.ant","ant-starteam":"org.apache.ant","ant-stylebook":"org.apache.ant","ant-swing":"org.apache.ant","ant-testutil":"org.apache.ant","ant-trax":"org.apache.ant","ant-weblogic":"org.apache.ant","ant-xz":"org.apache.ant","commons-codec":"commons-codec","commons-logging":"commons-logging","okhttp":"com.squareup.okhttp3","okio":"com.squareup.okio","cassandra-all":"org.apache.cassandra","cassandra-clientutil":"org.apache.cassandra","cassandra-javautils":"org.apache.cassandra","cassandra-parent":"org.apache.cassandra","cassandra-thrift":"org.apache.cassandra","apache-geode":"org.apache.geode","geode-all-bom":"org.apache.geode","geode-apis-compatible-with-redis":"org.apache.geode","geode-client-bom":"org.apache.geode","geode-client-protocol":"org.apache.geode","geode-common":"org.apache.geode","geode-concurrency-test":"org.apache.geode","geode-connectors":"org.apache.geode","geode-core":"org.apache.geode","geode-cq":"org.apache.geode","geode-deployment-legacy":"org.apache.geode","geode-dunit":"org.apache.geode","geode-experimental-driver":"org.apache.geode","geode-gfsh":"org.apache.geode","geode-http-service":"org.apache.geode","geode-jmh":"org.apache.geode","geode-joptsimple":"org.apache.geode","geode-json":"org.apache.geode","geode-junit":"org.apache.geode","geode-log4j":"org.apache.geode","geode-logging":"org.apache.geode","geode-lucene":"org.apache.geode","geode-management":"org.apache.geode","geode-membership":"org.apache.geode","geode-memcached":"org.apache.geode","geode-modules":"org.apache.geode","geode-modules-hibernate":"org.apache.geode","geode-modules-session":"org.apache.geode","geode-modules-session-internal":"org.apache.geode","geode-modules-tomcat7":"org.apache.geode","geode-modules-tomcat8":"org.apache.geode","geode-modules-tomcat9":"org.apache.geode","geode-old-client-support":"org.apache.geode","geode-protobuf":"org.apache.geode","geode-protobuf-messages":"org.apache.geode","geode-pulse":"org.apache.geode","geode-rebalancer":"org.apache.geode","geode-redis":"org.apache.geode","geode-serialization":"org.apache.geode","geode-server-all":"org.apache.geode","geode-tcp-server":"org.apache.geode","geode-unsafe":"org.apache.geode","geode-wan":"org.apache.geode","geode-web":"org.apache.geode","geode-web-api":"org.apache.geode","geode-web-management":"org.apache.geode","spring-velocity-support":"org.apache.velocity","velocity":"org.apache.velocity","velocity-engine-core":"org.apache.velocity","velocity-engine-parent":"org.apache.velocity","velocity-engine-scripting":"org.apache.velocity","velocity-tools":"org.apache.velocity","tapestry-TimeTracker":"org.apache.tapestry","tapestry-Vlib":"org.apache.tapestry","tapestry-VlibBeans":"org.apache.tapestry","tapestry-Workbench":"org.apache.tapestry","tapestry-annotations":"org.apache.tapestry","tapestry-archetype":"org.apache.tapestry","tapestry-beanvalidator":"org.apache.tapestry","tapestry-clojure":"org.apache.tapestry","tapestry-component-report":"org.apache.tapestry","tapestry-contrib":"org.apache.tapestry","tapestry-core":"org.apache.tapestry","tapestry-examples":"org.apache.tapestry","tapestry-framework":"org.apache.tapestry","tapestry-func":"org.apache.tapestry","tapestry-hibernate":"org.apache.tapestry","tapestry-hibernate-core":"org.apache.tapestry","tapestry-http":"org.apache.tapestry","tapestry-internal-test":"org.apache.tapestry","tapestry-ioc":"org.apache.tapestry","tapestry-ioc-jcache":"org.apache.tapestry","tapestry-ioc-junit":"org.apache.tapestry","tapestry-ioc-test":"org.apache.tapestry","tapestry-javadoc":"org.apache.tapestry","tapestry-jmx":"org.apache.tapestry","tapestry-jpa":"org.apache.tapestry","tapestry-json":"org.apache.tapestry","tapestry-kaptcha":"org.apache.tapestry","tapestry-mongodb":"org.apache.tapestry","tapestry-openapi-viewer":"org.apache.tapestry","tapestry-portlet":"org.apache.tapestry","tapestry-project":"org.apache.tapestry","tapestry-rest-jackson":"org.apache.tapestry","tapestry-runner":"org.apache.tapestry","tapestry-simple":"org.apache.tapestry","tapestry-site":"org.apache.tapestry","tapestry-spock":"org.apache.tapestry","tapestry-spring":"org.apache.tapestry","tapestry-test":"org.apache.tapestry","tapestry-test-constants":"org.apache.tapestry","tapestry-test-data":"org.apache.tapestry","tapestry-upload":"org.apache.tapestry","tapestry-version-migrator":"org.apache.tapestry","tapestry-webflow":"org.apache.tapestry","tapestry-webresources":"org.apache.tapestry","tapestry-yuicompressor":"org.apache.tapestry","tapestry5-annotations":"org.apache.tapestry","tomcat":"org.apache.tomcat","tomcat-annotations-api":"org.apache.tomcat","tomcat-api":"org.apache.tomcat","tomcat-catalina":"org.apache.tomcat","tomcat-catalina-ant":"org.apache.tomcat","tomcat-catalina-ha":"org.apache.tomcat","tomcat-catalina-jmx-remote":"org.apache.tomcat","tomcat-catalina-ws":"org.apache.tomcat","tomcat-coyote":"org.apache.tomcat","tomcat-dbcp":"org.apache.tomcat","tomcat-el-api":"org.apache.tomcat","tomcat-i18n-cs":"org.apache.tomcat","tomcat-i18n-de":"org.apache.tomcat","tomcat-i18n-es":"org.apache.tomcat","tomcat-i18n-fr":"org.apache.tomcat","tomcat-i18n-ja":"org.apache.tomcat","tomcat-i18n-ko":"org.apache.tomcat","tomcat-i18n-pt-BR":"org.apache.tomcat","tomcat-i18n-ru":"org.apache.tomcat","tomcat-i18n-zh-CN":"org.apache.tomcat","tomcat-jasper":"org.apache.tomcat","tomcat-jasper-el":"org.apache.tomcat","tomcat-jaspic-api":"org.apache.tomcat","tomcat-jdbc":"org.apache.tomcat","tomcat-jni":"org.apache.tomcat","tomcat-jsp-api":"org.apache.tomcat","tomcat-juli":"org.apache.tomcat","tomcat-servlet-api":"org.apache.tomcat","tomcat-spdy":"org.apache.tomcat","tomcat-ssi":"org.apache.tomcat","tomcat-storeconfig":"org.apache.tomcat","tomcat-tribes":"org.apache.tomcat","tomcat-util":"org.apache.tomcat","tomcat-util-scan":"org.apache.tomcat","tomcat-websocket":"org.apache.tomcat","tomcat-websocket-api":"org.apache.tomcat","tomcat-websocket-client-api":"org.apache.tomcat","tomcat7-websocket":"org.apache.tomcat","tomcat-embed-core":"org.apache.tomcat.embed","tomcat-embed-el":"org.apache.tomcat.embed","tomcat-embed-jasper":"org.apache.tomcat.embed","tomcat-embed-logging-juli":"org.apache.tomcat.embed","tomcat-embed-logging-log4j":"org.apache.tomcat.embed","tomcat-embed-websocket":"org.apache.tomcat.embed","bc-fips":"org.bouncycastle","bc-fips-debug":"org.bouncycastle","bcjmail-debug-jdk15to18":"org.bouncycastle","bcjmail-debug-jdk18on":"org.bouncycastle","bcjmail-jdk15on":"org.bouncycastle","bcjmail-jdk15to18":"org.bouncycastle","bcjmail-jdk18on":"org.bouncycastle","bcjmail-lts8on":"org.bouncycastle","bcmail-debug-jdk15to18":"org.bouncycastle","bcmail-debug-jdk18on":"org.bouncycastle","bcmail-fips":"org.bouncycastle","bcmail-jdk14":"org.bouncycastle","bcmail-jdk15":"org.bouncycastle","bcmail-jdk15+":"org.bouncycastle","bcmail-jdk15on":"org.bouncycastle","bcmail-jdk15to18":"org.bouncycastle","bcmail-jdk16":"org.bouncycastle","bcmail-jdk18on":"org.bouncycastle","bcmail-lts8on":"org.bouncycastle","bcpg-debug-jdk15to18":"org.bouncycastle","bcpg-debug-jdk18on":"org.bouncycastle","bcpg-fips":"org.bouncycastle","bcpg-jdk12":"org.bouncycastle","bcpg-jdk14":"org.bouncycastle","bcpg-jdk15":"org.bouncycastle","bcpg-jdk15+":"org.bouncycastle","bcpg-jdk15on":"org.bouncycastle","bcpg-jdk15to18":"org.bouncycastle","bcpg-jdk16":"org.bouncycastle","bcpg-jdk18on":"org.bouncycastle","bcpg-lts8on":"org.bouncycastle","bcpkix-debug-jdk15to18":"org.bouncycastle","bcpkix-debug-jdk18on":"org.bouncycastle","bcpkix-fips":"org.bouncycastle","bcpkix-jdk14":"org.bouncycastle","bcpkix-jdk15on":"org.bouncycastle","bcpkix-jdk15to18":"org.bouncycastle","bcpkix-jdk18on":"org.bouncycastle","bcpkix-lts8on":"org.bouncycastle","bcpqc-addon-fips":"org.bouncycastle","bcprov-debug-jdk14":"org.bouncycastle","bcprov-debug-jdk15on":"org.bouncycastle","bcprov-debug-jdk15to18":"org.bouncycastle","bcprov-debug-jdk18on":"org.bouncycastle","bcprov-ext-debug-jdk14":"org.bouncycastle","bcprov-ext-debug-jdk15on":"org.bouncycastle","bcprov-ext-debug-jdk15to18":"org.bouncycastle","bcprov-ext-debug-jdk18on":"org.bouncycastle","bcprov-ext-jdk14":"org.bouncycastle","bcprov-ext-jdk15":"org.bouncycastle","bcprov-ext-jdk15on":"org.bouncycastle","bcprov-ext-jdk15to18":"org.bouncycastle","bcprov-ext-jdk16":"org.bouncycastle","bcprov-ext-jdk18on":"org.bouncycastle","bcprov-jdk12":"org.bouncycastle","bcprov-jdk14":"org.bouncycastle","bcprov-jdk15":"org.bouncycastle","bcprov-jdk15+":"org.bouncycastle","bcprov-jdk15on":"org.bouncycastle","bcprov-jdk15to18":"org.bouncycastle","bcprov-jdk16":"org.bouncycastle","bcprov-jdk18on":"org.bouncycastle","bcprov-lts8on":"org.bouncycastle","bctls-debug-jdk15to18":"org.bouncycastle","bctls-debug-jdk18on":"org.bouncycastle","bctls-fips":"org.bouncycastle","bctls-jdk14":"org.bouncycastle","bctls-jdk15on":"org.bouncycastle","bctls-jdk15to18":"org.bouncycastle","bctls-jdk18on":"org.bouncycastle","bctls-lts8on":"org.bouncycastle","bctsp-jdk14":"org.bouncycastle","bctsp-jdk15":"org.bouncycastle","bctsp-jdk15+":"org.bouncycastle","bctsp-jdk15on":"org.bouncycastle","bctsp-jdk16":"org.bouncycastle","bcutil-debug-jdk15to18":"org.bouncycastle","bcutil-debug-jdk18on":"org.bouncycastle","bcutil-jdk14":"org.bouncycastle","bcutil-jdk15on":"org.bouncycastle","bcutil-jdk15to18":"org.bouncycastle","bcutil-jdk18on":"org.bouncycastle","bcutil-lts8on":"org.bouncycastle","elasticsearch":"org.elasticsearch","elasticsearch-analysis-icu":"org.elasticsearch","elasticsearch-analysis-ik":"org.elasticsearch","elasticsearch-analysis-kuromoji":"org.elasticsearch","elasticsearch-analysis-mmseg":"org.elasticsearch","elasticsearch-analysis-phonetic":"org.elasticsearch","elasticsearch-analysis-pinyin":"org.elasticsearch","elasticsearch-analysis-smartcn":"org.elasticsearch","elasticsearch-analysis-stconvert":"org.elasticsearch","elasticsearch-analysis-stempel":"org.elasticsearch","elasticsearch-attachments":"org.elasticsearch","elasticsearch-benchmarks":"org.elasticsearch","elasticsearch-cli":"org.elasticsearch","elasticsearch-client-groovy":"org.elasticsearch","elasticsearch-cloud":"org.elasticsearch","elasticsearch-cloud-aws":"org.elasticsearch","elasticsearch-cloud-azure":"org.elasticsearch","elasticsearch-cloud-gce":"org.elasticsearch","elasticsearch-core":"org.elasticsearch","elasticsearch-discovery-jgroups":"org.elasticsearch","elasticsearch-geo":"org.elasticsearch","elasticsearch-grok":"org.elasticsearch","elasticsearch-groovy":"org.elasticsearch","elasticsearch-h3":"org.elasticsearch","elasticsearch-hadoop":"org.elasticsearch","elasticsearch-hadoop-cascading":"org.elasticsearch","elasticsearch-hadoop-hive":"org.elasticsearch","elasticsearch-hadoop-mr":"org.elasticsearch","elasticsearch-hadoop-pig":"org.elasticsearch","elasticsearch-lang-groovy":"org.elasticsearch","elasticsearch-lang-javascript":"org.elasticsearch","elasticsearch-lang-mvel":"org.elasticsearch","elasticsearch-lang-python":"org.elasticsearch","elasticsearch-logging":"org.elasticsearch","elasticsearch-lz4":"org.elasticsearch","elasticsearch-mapper-attachments":"org.elasticsearch","elasticsearch-nio":"org.elasticsearch","elasticsearch-parent":"org.elasticsearch","elasticsearch-plugin-analysis-api":"org.elasticsearch","elasticsearch-plugin-api":"org.elasticsearch","elasticsearch-plugin-classloader":"org.elasticsearch","elasticsearch-plugin-scanner":"org.elasticsearch","elasticsearch-preallocate":"org.elasticsearch","elasticsearch-repository-hdfs":"org.elasticsearch","elasticsearch-river-couchdb":"org.elasticsearch","elasticsearch-river-rabbitmq":"org.elasticsearch","elasticsearch-river-twitter":"org.elasticsearch","elasticsearch-river-wikipedia":"org.elasticsearch","elasticsearch-secure-sm":"org.elasticsearch","elasticsearch-spark-1.2":"org.elasticsearch","elasticsearch-spark-1.2_2.10":"org.elasticsearch","elasticsearch-spark-1.2_2.11":"org.elasticsearch","elasticsearch-spark-13_2.10":"org.elasticsearch","elasticsearch-spark-13_2.11":"org.elasticsearch","elasticsearch-spark-20_2.10":"org.elasticsearch","elasticsearch-spark-20_2.11":"org.elasticsearch","elasticsearch-spark-20_2.12":"org.elasticsearch","elasticsearch-spark-30_2.12":"org.elasticsearch","elasticsearch-spark-30_2.13":"org.elasticsearch","elasticsearch-spark_2.10":"org.elasticsearch","elasticsearch-spark_2.11":"org.elasticsearch","elasticsearch-ssl-config":"org.elasticsearch","elasticsearch-storm":"org.elasticsearch","elasticsearch-tdigest":"org.elasticsearch","elasticsearch-transport-memcached":"org.elasticsearch","elasticsearch-transport-thrift":"org.elasticsearch","elasticsearch-transport-wares":"org.elasticsearch","elasticsearch-x-content":"org.elasticsearch","elasticsearch-yarn":"org.elasticsearch","elasticsearch-rest-client":"org.elasticsearch.client","elasticsearch-rest-client-sniffer":"org.elasticsearch.client","elasticsearch-rest-high-level-client":"org.elasticsearch.client","apoc":"org.neo4j.procedure","apoc-common":"org.neo4j.procedure","apoc-core":"org.neo4j.procedure","apoc-extended":"org.neo4j.procedure","apoc-processor":"org.neo4j.procedure","apoc-test-utils":"org.neo4j.procedure","spring":"org.springframework","spring-agent":"org.springframework","spring-aop":"org.springframework","spring-asm":"org.springframework","spring-aspects":"org.springframework","spring-beandoc":"org.springframework","spring-beans":"org.springframework","spring-context":"org.springframework","spring-context-indexer":"org.springframework","spring-context-support":"org.springframework","spring-core":"org.springframework","spring-core-test":"org.springframework","spring-dao":"org.springframework","spring-expression":"org.springframework","spring-framework-bom":"org.springframework","spring-full":"org.springframework","spring-hibernate":"org.springframework","spring-hibernate2":"org.springframework","spring-hibernate3":"org.springframework","spring-ibatis":"org.springframework","spring-instrument":"org.springframework","spring-instrument-tomcat":"org.springframework","spring-jca":"org.springframework","spring-jcl":"org.springframework","spring-jdbc":"org.springframework","spring-jdo":"org.springframework","spring-jms":"org.springframework","spring-jmx":"org.springframework","spring-jpa":"org.springframework","spring-ldap":"org.springframework.ldap","spring-ldap-core":"org.springframework.ldap","spring-ldap-core-tiger":"org.springframework.ldap","spring-ldap-ldif-batch":"org.springframework.ldap","spring-ldap-ldif-core":"org.springframework.ldap","spring-ldap-odm":"org.springframework.ldap","spring-ldap-test":"org.springframework.ldap","spring-ldap-tiger":"org.springframework.ldap","spring-messaging":"org.springframework","spring-mock":"org.springframework","spring-ojb":"org.springframework","spring-orm":"org.springframework","spring-oxm":"org.springframework","spring-parent":"org.springframework","spring-portlet":"org.springframework","spring-r2dbc":"org.springframework","spring-remoting":"org.springframework","spring-struts":"org.springframework","spring-support":"org.springframework","spring-test":"org.springframework","spring-tomcat-weaver":"org.springframework","spring-toplink":"org.springframework","spring-tuple":"org.springframework","spring-tuple-parent":"org.springframework","spring-tx":"org.springframework","spring-web":"org.springframework","spring-webflux":"org.springframework","spring-webmvc":"org.springframework","spring-webmvc-portlet":"org.springframework","spring-webmvc-struts":"org.springframework","spring-websocket":"org.springframework","spring-amqp":"org.springframework.amqp","spring-amqp-bom":"org.springframework.amqp","spring-amqp-dist":"org.springframework.amqp","spring-amqp-parent":"org.springframework.amqp","spring-erlang":"org.springframework.amqp","spring-rabbit":"org.springframework.amqp","spring-rabbit-junit":"org.springframework.amqp","spring-rabbit-stream":"org.springframework.amqp","spring-rabbit-test":"org.springframework.amqp","spring-analytics":"org.springframework.analytics","spring-batch":"org.springframework.batch","spring-batch-admin-manager":"org.springframework.batch","spring-batch-admin-parent":"org.springframework.batch","spring-batch-admin-resources":"org.springframework.batch","spring-batch-archetypes":"org.springframework.batch","spring-batch-bom":"org.springframework.batch","spring-batch-core":"org.springframework.batch","spring-batch-docs":"org.springframework.batch","spring-batch-infrastructure":"org.springframework.batch","spring-batch-infrastructure-tests":"org.springframework.batch","spring-batch-integration":"org.springframework.batch","spring-batch-parent":"org.springframework.batch","spring-batch-samples":"org.springframework.batch","spring-batch-test":"org.springframework.batch","spring-batch-tuple":"org.springframework.batch","spring-boot":"org.springframework.boot","spring-boot-actuator":"org.springframework.boot","spring-boot-actuator-autoconfigure":"org.springframework.boot","spring-boot-actuator-docs":"org.springframework.boot","spring-boot-antlib":"org.springframework.boot","spring-boot-archetypes":"org.springframework.boot","spring-boot-autoconfigure":"org.springframework.boot","spring-boot-autoconfigure-processor":"org.springframework.boot","spring-boot-build":"org.springframework.boot","spring-boot-buildpack-platform":"org.springframework.boot","spring-boot-cli":"org.springframework.boot","spring-boot-configuration-metadata":"org.springframework.boot","spring-boot-configuration-processor":"org.springframework.boot","spring-boot-dependencies":"org.springframework.boot","spring-boot-dependency-tools":"org.springframework.boot","spring-boot-deployment-test-glassfish":"org.springframework.boot","spring-boot-deployment-test-tomcat":"org.springframework.boot","spring-boot-deployment-test-tomee":"org.springframework.boot","spring-boot-deployment-test-wildfly":"org.springframework.boot","spring-boot-deployment-test-wlp":"org.springframework.boot","spring-boot-deployment-tests":"org.springframework.boot","spring-boot-devtools":"org.springframework.boot","spring-boot-devtools-tests":"org.springframework.boot","spring-boot-docker-compose":"org.springframework.boot","spring-boot-docs":"org.springframework.boot","spring-boot-full-build":"org.springframework.boot","spring-boot-gradle-plugin":"org.springframework.boot","spring-boot-gradle-tests":"org.springframework.boot","spring-boot-jarmode-layertools":"org.springframework.boot","spring-boot-launch-script-tests":"org.springframework.boot","spring-boot-legacy":"org.springframework.boot","spring-boot-loader":"org.springframework.boot","spring-boot-loader-tools":"org.springframework.boot","spring-boot-maven-plugin":"org.springframework.boot","spring-boot-parent":"org.springframework.boot","spring-boot-project":"org.springframework.boot","spring-boot-properties-migrator":"org.springframework.boot","spring-boot-sample-actuator-archetype":"org.springframework.boot","spring-boot-sample-actuator-log4j-archetype":"org.springframework.boot","spring-boot-sample-actuator-noweb-archetype":"org.springframework.boot","spring-boot-sample-actuator-ui-archetype":"org.springframework.boot","spring-boot-sample-amqp-archetype":"org.springframework.boot","spring-boot-sample-aop-archetype":"org.springframework.boot","spring-boot-sample-batch-archetype":"org.springframework.boot","spring-boot-sample-data-jpa-archetype":"org.springframework.boot","spring-boot-sample-data-mongodb-archetype":"org.springframework.boot","spring-boot-sample-data-redis-archetype":"org.springframework.boot","spring-boot-sample-data-rest-archetype":"org.springframework.boot","spring-boot-sample-integration-archetype":"org.springframework.boot","spring-boot-sample-jetty-archetype":"org.springframework.boot","spring-boot-sample-profile-archetype":"org.springframework.boot","spring-boot-sample-secure-archetype":"org.springframework.boot","spring-boot-sample-servlet-archetype":"org.springframework.boot","spring-boot-sample-simple-archetype":"org.springframework.boot","spring-boot-sample-tomcat-archetype":"org.springframework.boot","spring-boot-sample-traditional-archetype":"org.springframework.boot","spring-boot-sample-web-jsp-archetype":"org.springframework.boot","spring-boot-sample-web-method-security-archetype":"org.springframework.boot","spring-boot-sample-web-secure-archetype":"org.springframework.boot","spring-boot-sample-web-static-archetype":"org.springframework.boot","spring-boot-sample-web-ui-archetype":"org.springframework.boot","spring-boot-sample-websocket-archetype":"org.springframework.boot","spring-boot-sample-xml-archetype":"org.springframework.boot","spring-boot-security-test-web-helloworld":"org.springframework.boot","spring-boot-security-tests":"org.springframework.boot","spring-boot-security-tests-web-helloworld":"org.springframework.boot","spring-boot-starter":"org.springframework.boot","spring-boot-starter-activemq":"org.springframework.boot","spring-boot-starter-actuator":"org.springframework.boot","spring-boot-starter-amqp":"org.springframework.boot","spring-boot-starter-aop":"org.springframework.boot","spring-boot-starter-artemis":"org.springframework.boot","spring-boot-starter-batch":"org.springframework.boot","spring-boot-starter-cache":"org.springframework.boot","spring-boot-starter-cloud-connectors":"org.springframework.boot","spring-boot-starter-data-cassandra":"org.springframework.boot","spring-boot-starter-data-cassandra-reactive":"org.springframework.boot","spring-boot-starter-data-couchbase":"org.springframework.boot","spring-boot-starter-data-couchbase-reactive":"org.springframework.boot","spring-boot-starter-data-elasticsearch":"org.springframework.boot","spring-boot-starter-data-gemfire":"org.springframework.boot","spring-boot-starter-data-jdbc":"org.springframework.boot","spring-boot-starter-data-jpa":"org.springframework.boot","spring-boot-starter-data-ldap":"org.springframework.boot","spring-boot-starter-data-mongodb":"org.springframework.boot","spring-boot-starter-data-mongodb-reactive":"org.springframework.boot","spring-boot-starter-data-neo4j":"org.springframework.boot","spring-boot-starter-data-r2dbc":"org.springframework.boot","spring-boot-starter-data-redis":"org.springframework.boot","spring-boot-starter-data-redis-reactive":"org.springframework.boot","spring-boot-starter-data-rest":"org.springframework.boot","spring-boot-starter-data-solr":"org.springframework.boot","spring-boot-starter-freemarker":"org.springframework.boot","spring-boot-starter-graphql":"org.springframework.boot","spring-boot-starter-groovy-templates":"org.springframework.boot","spring-boot-starter-hateoas":"org.springframework.boot","spring-boot-starter-hornetq":"org.springframework.boot","spring-boot-starter-integration":"org.springframework.boot","spring-boot-starter-jdbc":"org.springframework.boot","spring-boot-starter-jersey":"org.springframework.boot","spring-boot-starter-jetty":"org.springframework.boot","spring-boot-starter-jooq":"org.springframework.boot","spring-boot-starter-json":"org.springframework.boot","spring-boot-starter-jta-atomikos":"org.springframework.boot","spring-boot-starter-jta-bitronix":"org.springframework.boot","spring-boot-starter-jta-narayana":"org.springframework.boot","spring-boot-starter-log4j":"org.springframework.boot","spring-boot-starter-log4j2":"org.springframework.boot","spring-boot-starter-logging":"org.springframework.boot","spring-boot-starter-mail":"org.springframework.boot","spring-boot-starter-mobile":"org.springframework.boot","spring-boot-starter-mustache":"org.springframework.boot","spring-boot-starter-oauth2-authorization-server":"org.springframework.boot","spring-boot-starter-oauth2-client":"org.springframework.boot","spring-boot-starter-oauth2-resource-server":"org.springframework.boot","spring-boot-starter-parent":"org.springframework.boot","spring-boot-starter-quartz":"org.springframework.boot","spring-boot-starter-reactor-netty":"org.springframework.boot","spring-boot-starter-redis":"org.springframework.boot","spring-boot-starter-remote-shell":"org.springframework.boot","spring-boot-starter-rsocket":"org.springframework.boot","spring-boot-starter-security":"org.springframework.boot","spring-boot-starter-social-facebook":"org.springframework.boot","spring-boot-starter-social-linkedin":"org.springframework.boot","spring-boot-starter-social-twitter":"org.springframework.boot","spring-boot-starter-test":"org.springframework.boot","spring-boot-starter-thymeleaf":"org.springframework.boot","spring-boot-starter-tomcat":"org.springframework.boot","spring-boot-starter-undertow":"org.springframework.boot","spring-boot-starter-validation":"org.springframework.boot","spring-boot-starter-velocity":"org.springframework.boot","spring-boot-starter-web":"org.springframework.boot","spring-boot-starter-web-services":"org.springframework.boot","spring-boot-starter-webflux":"org.springframework.boot","spring-boot-starter-websocket":"org.springframework.boot","spring-boot-starter-ws":"org.springframework.boot","spring-boot-starters":"org.springframework.boot","spring-boot-test":"org.springframework.boot","spring-boot-test-autoconfigure":"org.springframework.boot","spring-boot-testcontainers":"org.springframework.boot","spring-boot-tools":"org.springframework.boot","spring-boot-versions":"org.springframework.boot","spring-cloud-alibaba":"org.springframework.cloud","spring-cloud-alibaba-dependencies":"org.springframework.cloud","spring-cloud-alibaba-docs":"org.springframework.cloud","spring-cloud-alibaba-dubbo":"org.springframework.cloud","spring-cloud-alibaba-nacos-config":"org.springframework.cloud","spring-cloud-alibaba-nacos-config-server":"org.springframework.cloud","spring-cloud-alibaba-nacos-discovery":"org.springframework.cloud","spring-cloud-alibaba-seata":"org.springframework.cloud","spring-cloud-alibaba-sentinel":"org.springframework.cloud","spring-cloud-alibaba-sentinel-datasource":"org.springframework.cloud","spring-cloud-alibaba-sentinel-zuul":"org.springframework.cloud","spring-cloud-alicloud-acm":"org.springframework.cloud","spring-cloud-alicloud-ans":"org.springframework.cloud","spring-cloud-alicloud-context":"org.springframework.cloud","spring-cloud-alicloud-oss":"org.springframework.cloud","spring-cloud-alicloud-schedulerx":"org.springframework.cloud","spring-cloud-alicloud-sms":"org.springframework.cloud","spring-cloud-app-broker":"org.springframework.cloud","spring-cloud-app-broker-autoconfigure":"org.springframework.cloud","spring-cloud-app-broker-core":"org.springframework.cloud","spring-cloud-app-broker-deployer":"org.springframework.cloud","spring-cloud-app-broker-deployer-cloudfoundry":"org.springframework.cloud","spring-cloud-app-broker-docs":"org.springframework.cloud","spring-cloud-app-broker-logging":"org.springframework.cloud","spring-cloud-app-broker-security-credhub":"org.springframework.cloud","spring-cloud-app-starter-doc-maven-plugin":"org.springframework.cloud","spring-cloud-app-starter-metadata-maven-plugin":"org.springframework.cloud","spring-cloud-aws":"org.springframework.cloud","spring-cloud-aws-actuator":"org.springframework.cloud","spring-cloud-aws-autoconfigure":"org.springframework.cloud","spring-cloud-aws-context":"org.springframework.cloud","spring-cloud-aws-core":"org.springframework.cloud","spring-cloud-aws-depednencies":"org.springframework.cloud","spring-cloud-aws-dependencies":"org.springframework.cloud","spring-cloud-aws-docs":"org.springframework.cloud","spring-cloud-aws-integration-test":"org.springframework.cloud","spring-cloud-aws-jdbc":"org.springframework.cloud","spring-cloud-aws-messaging":"org.springframework.cloud","spring-cloud-aws-parameter-store-config":"org.springframework.cloud","spring-cloud-aws-secrets-manager-config":"org.springframework.cloud","spring-cloud-bindings":"org.springframework.cloud","spring-cloud-bindings-parent":"org.springframework.cloud","spring-cloud-build":"org.springframework.cloud","spring-cloud-build-dependencies":"org.springframework.cloud","spring-cloud-build-docs":"org.springframework.cloud","spring-cloud-build-tools":"org.springframework.cloud","spring-cloud-bus":"org.springframework.cloud","spring-cloud-bus-dependencies":"org.springframework.cloud","spring-cloud-bus-docs":"org.springframework.cloud","spring-cloud-bus-parent":"org.springframework.cloud","spring-cloud-bus-rsocket":"org.springframework.cloud","spring-cloud-bus-tests":"org.springframework.cloud","spring-cloud-circuitbreaker":"org.springframework.cloud","spring-cloud-circuitbreaker-dependencies":"org.springframework.cloud","spring-cloud-circuitbreaker-docs":"org.springframework.cloud","spring-cloud-circuitbreaker-resilience4j":"org.springframework.cloud","spring-cloud-circuitbreaker-spring-retry":"org.springframework.cloud","spring-cloud-cli":"org.springframework.cloud","spring-cloud-cli-docs":"org.springframework.cloud","spring-cloud-cli-parent":"org.springframework.cloud","spring-cloud-cloudfoundry":"org.springframework.cloud","spring-cloud-cloudfoundry-commons":"org.springframework.cloud","spring-cloud-cloudfoundry-connector":"org.springframework.cloud","spring-cloud-cloudfoundry-dependencies":"org.springframework.cloud","spring-cloud-cloudfoundry-discovery":"org.springframework.cloud","spring-cloud-cloudfoundry-docs":"org.springframework.cloud","spring-cloud-cloudfoundry-service-broker":"org.springframework.cloud","spring-cloud-cloudfoundry-web":"org.springframework.cloud","spring-cloud-cluster":"org.springframework.cloud","spring-cloud-cluster-autoconfigure":"org.springframework.cloud","spring-cloud-cluster-core":"org.springframework.cloud","spring-cloud-cluster-dependencies":"org.springframework.cloud","spring-cloud-cluster-docs":"org.springframework.cloud","spring-cloud-cluster-etcd":"org.springframework.cloud","spring-cloud-cluster-hazelcast":"org.springframework.cloud","spring-cloud-cluster-redis":"org.springframework.cloud","spring-cloud-cluster-zookeeper":"org.springframework.cloud","spring-cloud-common-security-config":"org.springframework.cloud","spring-cloud-common-security-config-core":"org.springframework.cloud","spring-cloud-common-security-config-web":"org.springframework.cloud","spring-cloud-commons":"org.springframework.cloud","spring-cloud-commons-dependencies":"org.springframework.cloud","spring-cloud-commons-docs":"org.springframework.cloud","spring-cloud-commons-parent":"org.springframework.cloud","spring-cloud-config":"org.springframework.cloud","spring-cloud-config-client":"org.springframework.cloud","spring-cloud-config-client-tls-tests":"org.springframework.cloud","spring-cloud-config-dependencies":"org.springframework.cloud","spring-cloud-config-docs":"org.springframework.cloud","spring-cloud-config-monitor":"org.springframework.cloud","spring-cloud-config-server":"org.springframework.cloud","spring-cloud-connectors-core":"org.springframework.cloud","spring-cloud-consul":"org.springframework.cloud","spring-cloud-consul-binder":"org.springframework.cloud","spring-cloud-consul-config":"org.springframework.cloud","spring-cloud-consul-core":"org.springframework.cloud","spring-cloud-consul-dependencies":"org.springframework.cloud","spring-cloud-consul-discovery":"org.springframework.cloud","spring-cloud-consul-docs":"org.springframework.cloud","spring-cloud-consul-integration-tests":"org.springframework.cloud","spring-cloud-context":"org.springframework.cloud","spring-cloud-contract-converters":"org.springframework.cloud","spring-cloud-contract-dependencies":"org.springframework.cloud","spring-cloud-contract-docs":"org.springframework.cloud","spring-cloud-contract-gradle-plugin":"org.springframework.cloud","spring-cloud-contract-maven-plugin":"org.springframework.cloud","spring-cloud-contract-pact":"org.springframework.cloud","spring-cloud-contract-parent":"org.springframework.cloud","spring-cloud-contract-shade":"org.springframework.cloud","spring-cloud-contract-spec":"org.springframework.cloud","spring-cloud-contract-spec-groovy":"org.springframework.cloud","spring-cloud-contract-spec-java":"org.springframework.cloud","spring-cloud-contract-spec-kotlin":"org.springframework.cloud","spring-cloud-contract-spec-pact":"org.springframework.cloud","spring-cloud-contract-starters":"org.springframework.cloud","spring-cloud-contract-stub-runner":"org.springframework.cloud","spring-cloud-contract-stub-runner-boot":"org.springframework.cloud","spring-cloud-contract-stub-runner-moco-contract-jar":"org.springframework.cloud","spring-cloud-contract-tools":"org.springframework.cloud","spring-cloud-contract-verifier":"org.springframework.cloud","spring-cloud-contract-wiremock":"org.springframework.cloud","spring-cloud-core":"org.springframework.cloud","spring-cloud-dataflow":"org.springframework.cloud","spring-cloud-dataflow-aggregate-task":"org.springframework.cloud","spring-cloud-dataflow-apps-docs-plugin":"org.springframework.cloud","spring-cloud-dataflow-apps-generator-plugin":"org.springframework.cloud","spring-cloud-dataflow-apps-metadata-plugin":"org.springframework.cloud","spring-cloud-dataflow-apps-plugin-parent":"org.springframework.cloud","spring-cloud-dataflow-audit":"org.springframework.cloud","spring-cloud-dataflow-autoconfigure":"org.springframework.cloud","spring-cloud-dataflow-build":"org.springframework.cloud","spring-cloud-dataflow-build-dependencies":"org.springframework.cloud","spring-cloud-dataflow-build-tools":"org.springframework.cloud","spring-cloud-dataflow-classic-docs":"org.springframework.cloud","spring-cloud-dataflow-collector-metrics-docs":"org.springframework.cloud","spring-cloud-dataflow-common-dependencies":"org.springframework.cloud","spring-cloud-dataflow-common-flyway":"org.springframework.cloud","spring-cloud-dataflow-common-parent":"org.springframework.cloud","spring-cloud-dataflow-common-persistence":"org.springframework.cloud","spring-cloud-dataflow-common-test-docker":"org.springframework.cloud","spring-cloud-dataflow-common-test-docker-junit5":"org.springframework.cloud","spring-cloud-dataflow-completion":"org.springframework.cloud","spring-cloud-dataflow-composed-task-runner":"org.springframework.cloud","spring-cloud-dataflow-configuration-metadata":"org.springframework.cloud","spring-cloud-dataflow-container-registry":"org.springframework.cloud","spring-cloud-dataflow-core":"org.springframework.cloud","spring-cloud-dataflow-core-dsl":"org.springframework.cloud","spring-cloud-dataflow-dependencies":"org.springframework.cloud","spring-cloud-dataflow-dependencies-parent":"org.springframework.cloud","spring-cloud-dataflow-docs":"org.springframework.cloud","spring-cloud-dataflow-metrics-collector-build":"org.springframework.cloud","spring-cloud-dataflow-metrics-collector-dependencies":"org.springframework.cloud","spring-cloud-dataflow-package":"org.springframework.cloud","spring-cloud-dataflow-parent":"org.springframework.cloud","spring-cloud-dataflow-platform-cloudfoundry":"org.springframework.cloud","spring-cloud-dataflow-platform-kubernetes":"org.springframework.cloud","spring-cloud-dataflow-registry":"org.springframework.cloud","spring-cloud-dataflow-rest-client":"org.springframework.cloud","spring-cloud-dataflow-rest-resource":"org.springframework.cloud","spring-cloud-dataflow-scheduler-task-launcher":"org.springframework.cloud","spring-cloud-dataflow-schema":"org.springframework.cloud","spring-cloud-dataflow-schema-core":"org.springframework.cloud","spring-cloud-dataflow-server":"org.springframework.cloud","spring-cloud-dataflow-server-cloudfoundry":"org.springframework.cloud","spring-cloud-dataflow-server-cloudfoundry-autoconfig":"org.springframework.cloud","spring-cloud-dataflow-server-cloudfoundry-docs":"org.springframework.cloud","spring-cloud-dataflow-server-cloudfoundry-parent":"org.springframework.cloud","spring-cloud-dataflow-server-core":"org.springframework.cloud","spring-cloud-dataflow-server-kubernetes":"org.springframework.cloud","spring-cloud-dataflow-server-kubernetes-autoconfig":"org.springframework.cloud","spring-cloud-dataflow-server-kubernetes-docs":"org.springframework.cloud","spring-cloud-dataflow-server-kubernetes-parent":"org.springframework.cloud","spring-cloud-dataflow-server-local":"org.springframework.cloud","spring-cloud-dataflow-server-local-autoconfig":"org.springframework.cloud","spring-cloud-dataflow-server-mesos":"org.springframework.cloud","spring-cloud-dataflow-server-mesos-docs":"org.springframework.cloud","spring-cloud-dataflow-server-mesos-parent":"org.springframework.cloud","spring-cloud-dataflow-server-yarn":"org.springframework.cloud","spring-cloud-dataflow-server-yarn-autoconfig":"org.springframework.cloud","spring-cloud-dataflow-server-yarn-client":"org.springframework.cloud","spring-cloud-dataflow-server-yarn-docs":"org.springframework.cloud","spring-cloud-dataflow-server-yarn-h2":"org.springframework.cloud","spring-cloud-dataflow-server-yarn-parent":"org.springframework.cloud","spring-cloud-dataflow-server-yarn-shell":"org.springframework.cloud","spring-cloud-dataflow-server-yarn-shell-core":"org.springframework.cloud","spring-cloud-dataflow-shell":"org.springframework.cloud","spring-cloud-dataflow-shell-core":"org.springframework.cloud","spring-cloud-dataflow-single-step-batch-job":"org.springframework.cloud","spring-cloud-dataflow-skipper-docs":"org.springframework.cloud","spring-cloud-dataflow-tasklauncher":"org.springframework.cloud","spring-cloud-dataflow-tasklauncher-function":"org.springframework.cloud","spring-cloud-dataflow-tasklauncher-sink":"org.springframework.cloud","spring-cloud-dataflow-tasklauncher-sink-dependencies":"org.springframework.cloud","spring-cloud-dataflow-tasklauncher-sink-kafka":"org.springframework.cloud","spring-cloud-dataflow-tasklauncher-sink-rabbit":"org.springframework.cloud","spring-cloud-dataflow-test":"org.springframework.cloud","spring-cloud-dataflow-ui":"org.springframework.cloud","spring-cloud-dependencies":"org.springframework.cloud","spring-cloud-dependencies-parent":"org.springframework.cloud","spring-cloud-deployer-autoconfigure":"org.springframework.cloud","spring-cloud-deployer-cloudfoundry":"org.springframework.cloud","spring-cloud-deployer-dependencies":"org.springframework.cloud","spring-cloud-deployer-kubernetes":"org.springframework.cloud","spring-cloud-deployer-local":"org.springframework.cloud","spring-cloud-deployer-local-parent":"org.springframework.cloud","spring-cloud-deployer-mesos":"org.springframework.cloud","spring-cloud-deployer-parent":"org.springframework.cloud","spring-cloud-deployer-resource-docker":"org.springframework.cloud","spring-cloud-deployer-resource-maven":"org.springframework.cloud","spring-cloud-deployer-resource-support":"org.springframework.cloud","spring-cloud-deployer-sample-stream":"org.springframework.cloud","spring-cloud-deployer-sample-task":"org.springframework.cloud","spring-cloud-deployer-spi":"org.springframework.cloud","spring-cloud-deployer-spi-scheduler-test-app":"org.springframework.cloud","spring-cloud-deployer-spi-test":"org.springframework.cloud","spring-cloud-deployer-spi-test-app":"org.springframework.cloud","spring-cloud-deployer-thin":"org.springframework.cloud","spring-cloud-deployer-yarn":"org.springframework.cloud","spring-cloud-deployer-yarn-appdeployerappmaster":"org.springframework.cloud","spring-cloud-deployer-yarn-autoconfig":"org.springframework.cloud","spring-cloud-deployer-yarn-build-tests":"org.springframework.cloud","spring-cloud-deployer-yarn-parent":"org.springframework.cloud","spring-cloud-deployer-yarn-tasklauncherappmaster":"org.springframework.cloud","spring-cloud-docs":"org.springframework.cloud","spring-cloud-function-adapter-aws":"org.springframework.cloud","spring-cloud-function-adapter-aws-web":"org.springframework.cloud","spring-cloud-function-adapter-azure":"org.springframework.cloud","spring-cloud-function-adapter-azure-web":"org.springframework.cloud","spring-cloud-function-adapter-gcp":"org.springframework.cloud","spring-cloud-function-adapter-openwhisk":"org.springframework.cloud","spring-cloud-function-adapter-parent":"org.springframework.cloud","spring-cloud-function-compiler":"org.springframework.cloud","spring-cloud-function-context":"org.springframework.cloud","spring-cloud-function-core":"org.springframework.cloud","spring-cloud-function-dependencies":"org.springframework.cloud","spring-cloud-function-deployer":"org.springframework.cloud","spring-cloud-function-docs":"org.springframework.cloud","spring-cloud-function-grpc":"org.springframework.cloud","spring-cloud-function-grpc-cloudevent-ext":"org.springframework.cloud","spring-cloud-function-integration":"org.springframework.cloud","spring-cloud-function-kotlin":"org.springframework.cloud","spring-cloud-function-parent":"org.springframework.cloud","spring-cloud-function-rsocket":"org.springframework.cloud","spring-cloud-function-samples":"org.springframework.cloud","spring-cloud-function-serverless-web":"org.springframework.cloud","spring-cloud-function-stream":"org.springframework.cloud","spring-cloud-function-task":"org.springframework.cloud","spring-cloud-function-web":"org.springframework.cloud","spring-cloud-gateway":"org.springframework.cloud","spring-cloud-gateway-core":"org.springframework.cloud","spring-cloud-gateway-dependencies":"org.springframework.cloud","spring-cloud-gateway-docs":"org.springframework.cloud","spring-cloud-gateway-mvc":"org.springframework.cloud","spring-cloud-gateway-server":"org.springframework.cloud","spring-cloud-gateway-webflux":"org.springframework.cloud","spring-cloud-gcp":"org.springframework.cloud","spring-cloud-gcp-autoconfigure":"org.springframework.cloud","spring-cloud-gcp-bigquery":"org.springframework.cloud","spring-cloud-gcp-cloudfoundry":"org.springframework.cloud","spring-cloud-gcp-core":"org.springframework.cloud","spring-cloud-gcp-data-datastore":"org.springframework.cloud","spring-cloud-gcp-data-firestore":"org.springframework.cloud","spring-cloud-gcp-data-spanner":"org.springframework.cloud","spring-cloud-gcp-dependencies":"org.springframework.cloud","spring-cloud-gcp-docs":"org.springframework.cloud","spring-cloud-gcp-logging":"org.springframework.cloud","spring-cloud-gcp-pubsub":"org.springframework.cloud","spring-cloud-gcp-pubsub-stream-binder":"org.springframework.cloud","spring-cloud-gcp-secretmanager":"org.springframework.cloud","spring-cloud-gcp-security-firebase":"org.springframework.cloud","spring-cloud-gcp-security-iap":"org.springframework.cloud","spring-cloud-gcp-starter":"org.springframework.cloud","spring-cloud-gcp-starter-bigquery":"org.springframework.cloud","spring-cloud-gcp-starter-bus-pubsub":"org.springframework.cloud","spring-cloud-gcp-starter-cloudfoundry":"org.springframework.cloud","spring-cloud-gcp-starter-data-datastore":"org.springframework.cloud","spring-cloud-gcp-starter-data-firestore":"org.springframework.cloud","spring-cloud-gcp-starter-data-spanner":"org.springframework.cloud","spring-cloud-gcp-starter-firestore":"org.springframework.cloud","spring-cloud-gcp-starter-logging":"org.springframework.cloud","spring-cloud-gcp-starter-metrics":"org.springframework.cloud","spring-cloud-gcp-starter-pubsub":"org.springframework.cloud","spring-cloud-gcp-starter-secretmanager":"org.springframework.cloud","spring-cloud-gcp-starter-security-firebase":"org.springframework.cloud","spring-cloud-gcp-starter-security-iap":"org.springframework.cloud","spring-cloud-gcp-starter-sql-mysql":"org.springframework.cloud","spring-cloud-gcp-starter-sql-postgresql":"org.springframework.cloud","spring-cloud-gcp-starter-storage":"org.springframework.cloud","spring-cloud-gcp-starter-trace":"org.springframework.cloud","spring-cloud-gcp-starter-vision":"org.springframework.cloud","spring-cloud-gcp-starters":"org.springframework.cloud","spring-cloud-gcp-storage":"org.springframework.cloud","spring-cloud-gcp-vision":"org.springframework.cloud","spring-cloud-heroku-connector":"org.springframework.cloud","spring-cloud-kubernetes":"org.springframework.cloud","spring-cloud-kubernetes-archaius":"org.springframework.cloud","spring-cloud-kubernetes-client-autoconfig":"org.springframework.cloud","spring-cloud-kubernetes-client-config":"org.springframework.cloud","spring-cloud-kubernetes-client-discovery":"org.springframework.cloud","spring-cloud-kubernetes-client-loadbalancer":"org.springframework.cloud","spring-cloud-kubernetes-commons":"org.springframework.cloud","spring-cloud-kubernetes-config":"org.springframework.cloud","spring-cloud-kubernetes-configserver":"org.springframework.cloud","spring-cloud-kubernetes-configuration-watcher":"org.springframework.cloud","spring-cloud-kubernetes-controllers":"org.springframework.cloud","spring-cloud-kubernetes-core":"org.springframework.cloud","spring-cloud-kubernetes-dependencies":"org.springframework.cloud","spring-cloud-kubernetes-discovery":"org.springframework.cloud","spring-cloud-kubernetes-discoveryserver":"org.springframework.cloud","spring-cloud-kubernetes-docs":"org.springframework.cloud","spring-cloud-kubernetes-fabric8-autoconfig":"org.springframework.cloud","spring-cloud-kubernetes-fabric8-config":"org.springframework.cloud","spring-cloud-kubernetes-fabric8-discovery":"org.springframework.cloud","spring-cloud-kubernetes-fabric8-istio":"org.springframework.cloud","spring-cloud-kubernetes-fabric8-leader":"org.springframework.cloud","spring-cloud-kubernetes-fabric8-loadbalancer":"org.springframework.cloud","spring-cloud-kubernetes-hystrix":"org.springframework.cloud","spring-cloud-kubernetes-istio":"org.springframework.cloud","spring-cloud-kubernetes-leader":"org.springframework.cloud","spring-cloud-kubernetes-loadbalancer":"org.springframework.cloud","spring-cloud-kubernetes-ribbon":"org.springframework.cloud","spring-cloud-kubernetes-test-support":"org.springframework.cloud","spring-cloud-kubernetes-zipkin":"org.springframework.cloud","spring-cloud-launcher":"org.springframework.cloud","spring-cloud-loadbalancer":"org.springframework.cloud","spring-cloud-localconfig-connector":"org.springframework.cloud","spring-cloud-netflix":"org.springframework.cloud","spring-cloud-netflix-archaius":"org.springframework.cloud","spring-cloud-netflix-concurrency-limits":"org.springframework.cloud","spring-cloud-netflix-core":"org.springframework.cloud","spring-cloud-netflix-dependencies":"org.springframework.cloud","spring-cloud-netflix-docs":"org.springframework.cloud","spring-cloud-netflix-eureka-client":"org.springframework.cloud","spring-cloud-netflix-eureka-client-tls-tests":"org.springframework.cloud","spring-cloud-netflix-eureka-server":"org.springframework.cloud","spring-cloud-netflix-hystrix":"org.springframework.cloud","spring-cloud-netflix-hystrix-amqp":"org.springframework.cloud","spring-cloud-netflix-hystrix-dashboard":"org.springframework.cloud","spring-cloud-netflix-hystrix-stream":"org.springframework.cloud","spring-cloud-netflix-ribbon":"org.springframework.cloud","spring-cloud-netflix-sidecar":"org.springframework.cloud","spring-cloud-netflix-spectator":"org.springframework.cloud","spring-cloud-netflix-turbine":"org.springframework.cloud","spring-cloud-netflix-turbine-amqp":"org.springframework.cloud","spring-cloud-netflix-turbine-stream":"org.springframework.cloud","spring-cloud-netflix-zuul":"org.springframework.cloud","spring-cloud-open-service-broker":"org.springframework.cloud","spring-cloud-open-service-broker-autoconfigure":"org.springframework.cloud","spring-cloud-open-service-broker-contract-tests":"org.springframework.cloud","spring-cloud-open-service-broker-core":"org.springframework.cloud","spring-cloud-open-service-broker-docs":"org.springframework.cloud","spring-cloud-openfeign":"org.springframework.cloud","spring-cloud-openfeign-core":"org.springframework.cloud","spring-cloud-openfeign-dependencies":"org.springframework.cloud","spring-cloud-openfeign-docs":"org.springframework.cloud","spring-cloud-parent":"org.springframework.cloud","spring-cloud-scheam-registry-parent":"org.springframework.cloud","spring-cloud-scheduler-cloudfoundry":"org.springframework.cloud","spring-cloud-scheduler-kubernetes":"org.springframework.cloud","spring-cloud-scheduler-parent":"org.springframework.cloud","spring-cloud-scheduler-spi":"org.springframework.cloud","spring-cloud-scheduler-spi-test":"org.springframework.cloud","spring-cloud-scheduler-spi-test-app":"org.springframework.cloud","spring-cloud-schema-registry-client":"org.springframework.cloud","spring-cloud-schema-registry-core":"org.springframework.cloud","spring-cloud-schema-registry-parent":"org.springframework.cloud","spring-cloud-schema-registry-server":"org.springframework.cloud","spring-cloud-security":"org.springframework.cloud","spring-cloud-security-dependencies":"org.springframework.cloud","spring-cloud-security-docs":"org.springframework.cloud","spring-cloud-security-parent":"org.springframework.cloud","spring-cloud-skipper":"org.springframework.cloud","spring-cloud-skipper-autoconfigure":"org.springframework.cloud","spring-cloud-skipper-client":"org.springframework.cloud","spring-cloud-skipper-dependencies":"org.springframework.cloud","spring-cloud-skipper-docs":"org.springframework.cloud","spring-cloud-skipper-parent":"org.springframework.cloud","spring-cloud-skipper-platform-cloudfoundry":"org.springframework.cloud","spring-cloud-skipper-platform-kubernetes":"org.springframework.cloud","spring-cloud-skipper-server":"org.springframework.cloud","spring-cloud-skipper-server-core":"org.springframework.cloud","spring-cloud-skipper-shell":"org.springframework.cloud","spring-cloud-skipper-shell-commands":"org.springframework.cloud","spring-cloud-sleuth":"org.springframework.cloud","spring-cloud-sleuth-api":"org.springframework.cloud","spring-cloud-sleuth-autoconfigure":"org.springframework.cloud","spring-cloud-sleuth-brave":"org.springframework.cloud","spring-cloud-sleuth-core":"org.springframework.cloud","spring-cloud-sleuth-dependencies":"org.springframework.cloud","spring-cloud-sleuth-docs":"org.springframework.cloud","spring-cloud-sleuth-instrumentation":"org.springframework.cloud","spring-cloud-sleuth-otel":"org.springframework.cloud","spring-cloud-sleuth-otel-autoconfigure":"org.springframework.cloud","spring-cloud-sleuth-otel-dependencies":"org.springframework.cloud","spring-cloud-sleuth-otel-docs":"org.springframework.cloud","spring-cloud-sleuth-otel-parent":"org.springframework.cloud","spring-cloud-sleuth-otel-tests-parent":"org.springframework.cloud","spring-cloud-sleuth-reactor":"org.springframework.cloud","spring-cloud-sleuth-sample-test-core":"org.springframework.cloud","spring-cloud-sleuth-stream":"org.springframework.cloud","spring-cloud-sleuth-tests":"org.springframework.cloud","spring-cloud-sleuth-tests-common":"org.springframework.cloud","spring-cloud-sleuth-tests-otel-common":"org.springframework.cloud","spring-cloud-sleuth-zipkin":"org.springframework.cloud","spring-cloud-sleuth-zipkin-legacy":"org.springframework.cloud","spring-cloud-sleuth-zipkin-stream":"org.springframework.cloud","spring-cloud-spinnaker":"org.springframework.cloud","spring-cloud-spring-service-connector":"org.springframework.cloud","spring-cloud-square":"org.springframework.cloud","spring-cloud-square-dependencies":"org.springframework.cloud","spring-cloud-square-docs":"org.springframework.cloud","spring-cloud-square-okhttp":"org.springframework.cloud","spring-cloud-square-retrofit":"org.springframework.cloud","spring-cloud-square-retrofit-core":"org.springframework.cloud","spring-cloud-square-retrofit-webclient":"org.springframework.cloud","spring-cloud-starter":"org.springframework.cloud","spring-cloud-starter-alibaba":"org.springframework.cloud","spring-cloud-starter-alibaba-nacos-config":"org.springframework.cloud","spring-cloud-starter-alibaba-nacos-config-server":"org.springframework.cloud","spring-cloud-starter-alibaba-nacos-discovery":"org.springframework.cloud","spring-cloud-starter-alibaba-seata":"org.springframework.cloud","spring-cloud-starter-alibaba-sentinel":"org.springframework.cloud","spring-cloud-starter-alicloud":"org.springframework.cloud","spring-cloud-starter-alicloud-acm":"org.springframework.cloud","spring-cloud-starter-alicloud-ans":"org.springframework.cloud","spring-cloud-starter-alicloud-oss":"org.springframework.cloud","spring-cloud-starter-alicloud-schedulerx":"org.springframework.cloud","spring-cloud-starter-alicloud-sms":"org.springframework.cloud","spring-cloud-starter-app-broker":"org.springframework.cloud","spring-cloud-starter-app-broker-cloudfoundry":"org.springframework.cloud","spring-cloud-starter-app-broker-logging":"org.springframework.cloud","spring-cloud-starter-archaius":"org.springframework.cloud","spring-cloud-starter-atlas":"org.springframework.cloud","spring-cloud-starter-aws":"org.springframework.cloud","spring-cloud-starter-aws-jdbc":"org.springframework.cloud","spring-cloud-starter-aws-messaging":"org.springframework.cloud","spring-cloud-starter-aws-parameter-store-config":"org.springframework.cloud","spring-cloud-starter-aws-secrets-manager-config":"org.springframework.cloud","spring-cloud-starter-bootstrap":"org.springframework.cloud","spring-cloud-starter-build":"org.springframework.cloud","spring-cloud-starter-bus-amqp":"org.springframework.cloud","spring-cloud-starter-bus-kafka":"org.springframework.cloud","spring-cloud-starter-bus-rocketmq":"org.springframework.cloud","spring-cloud-starter-bus-stream":"org.springframework.cloud","spring-cloud-starter-circuitbreaker":"org.springframework.cloud","spring-cloud-starter-circuitbreaker-reactor-resilience4j":"org.springframework.cloud","spring-cloud-starter-circuitbreaker-resilience4j":"org.springframework.cloud","spring-cloud-starter-circuitbreaker-spring-retry":"org.springframework.cloud","spring-cloud-starter-cloudfoundry":"org.springframework.cloud","spring-cloud-starter-common-security-config-web":"org.springframework.cloud","spring-cloud-starter-config":"org.springframework.cloud","spring-cloud-starter-consul":"org.springframework.cloud","spring-cloud-starter-consul-all":"org.springframework.cloud","spring-cloud-starter-consul-bus":"org.springframework.cloud","spring-cloud-starter-consul-config":"org.springframework.cloud","spring-cloud-starter-consul-discovery":"org.springframework.cloud","spring-cloud-starter-contract-stub-runner":"org.springframework.cloud","spring-cloud-starter-contract-stub-runner-jetty":"org.springframework.cloud","spring-cloud-starter-contract-verifier":"org.springframework.cloud","spring-cloud-starter-dataflow-metrics-collector":"org.springframework.cloud","spring-cloud-starter-dataflow-server":"org.springframework.cloud","spring-cloud-starter-dataflow-server-cloudfoundry":"org.springframework.cloud","spring-cloud-starter-dataflow-server-kubernetes":"org.springframework.cloud","spring-cloud-starter-dataflow-server-local":"org.springframework.cloud","spring-cloud-starter-dataflow-server-mesos":"org.springframework.cloud","spring-cloud-starter-dataflow-server-yarn":"org.springframework.cloud","spring-cloud-starter-dataflow-ui":"org.springframework.cloud","spring-cloud-starter-deployer-yarn":"org.springframework.cloud","spring-cloud-starter-docs":"org.springframework.cloud","spring-cloud-starter-dubbo":"org.springframework.cloud","spring-cloud-starter-eureka":"org.springframework.cloud","spring-cloud-starter-eureka-server":"org.springframework.cloud","spring-cloud-starter-feign":"org.springframework.cloud","spring-cloud-starter-function-web":"org.springframework.cloud","spring-cloud-starter-function-webflux":"org.springframework.cloud","spring-cloud-starter-gateway":"org.springframework.cloud","spring-cloud-starter-hystrix":"org.springframework.cloud","spring-cloud-starter-hystrix-dashboard":"org.springframework.cloud","spring-cloud-starter-kubernetes":"org.springframework.cloud","spring-cloud-starter-kubernetes-all":"org.springframework.cloud","spring-cloud-starter-kubernetes-client":"org.springframework.cloud","spring-cloud-starter-kubernetes-client-all":"org.springframework.cloud","spring-cloud-starter-kubernetes-client-config":"org.springframework.cloud","spring-cloud-starter-kubernetes-client-loadbalancer":"org.springframework.cloud","spring-cloud-starter-kubernetes-config":"org.springframework.cloud","spring-cloud-starter-kubernetes-discoveryclient":"org.springframework.cloud","spring-cloud-starter-kubernetes-fabric8":"org.springframework.cloud","spring-cloud-starter-kubernetes-fabric8-all":"org.springframework.cloud","spring-cloud-starter-kubernetes-fabric8-config":"org.springframework.cloud","spring-cloud-starter-kubernetes-fabric8-loadbalancer":"org.springframework.cloud","spring-cloud-starter-kubernetes-loadbalancer":"org.springframework.cloud","spring-cloud-starter-kubernetes-netflix":"org.springframework.cloud","spring-cloud-starter-kubernetes-ribbon":"org.springframework.cloud","spring-cloud-starter-kubernetes-zipkin":"org.springframework.cloud","spring-cloud-starter-loadbalancer":"org.springframework.cloud","spring-cloud-starter-netflix":"org.springframework.cloud","spring-cloud-starter-netflix-archaius":"org.springframework.cloud","spring-cloud-starter-netflix-atlas":"org.springframework.cloud","spring-cloud-starter-netflix-eureka-client":"org.springframework.cloud","spring-cloud-starter-netflix-eureka-server":"org.springframework.cloud","spring-cloud-starter-netflix-hystrix":"org.springframework.cloud","spring-cloud-starter-netflix-hystrix-dashboard":"org.springframework.cloud","spring-cloud-starter-netflix-ribbon":"org.springframework.cloud","spring-cloud-starter-netflix-spectator":"org.springframework.cloud","spring-cloud-starter-netflix-turbine":"org.springframework.cloud","spring-cloud-starter-netflix-turbine-amqp":"org.springframework.cloud","spring-cloud-starter-netflix-turbine-stream":"org.springframework.cloud","spring-cloud-starter-netflix-zuul":"org.springframework.cloud","spring-cloud-starter-oauth2":"org.springframework.cloud","spring-cloud-starter-open-service-broker":"org.springframework.cloud","spring-cloud-starter-open-service-broker-webmvc":"org.springframework.cloud","spring-cloud-starter-openfeign":"org.springframework.cloud","spring-cloud-starter-parent":"org.springframework.cloud","spring-cloud-starter-ribbon":"org.springframework.cloud","spring-cloud-starter-security":"org.springframework.cloud","spring-cloud-starter-single-step-batch-job":"org.springframework.cloud","spring-cloud-starter-skipper-server":"org.springframework.cloud","spring-cloud-starter-sleuth":"org.springframework.cloud","spring-cloud-starter-spectator":"org.springframework.cloud","spring-cloud-starter-stream-kafka":"org.springframework.cloud","spring-cloud-starter-stream-kafka11":"org.springframework.cloud","spring-cloud-starter-stream-rabbit":"org.springframework.cloud","spring-cloud-starter-stream-redis":"org.springframework.cloud","spring-cloud-starter-stream-rocketmq":"org.springframework.cloud","spring-cloud-starter-task":"org.springframework.cloud","spring-cloud-starter-turbine":"org.springframework.cloud","spring-cloud-starter-turbine-amqp":"org.springframework.cloud","spring-cloud-starter-turbine-stream":"org.springframework.cloud","spring-cloud-starter-vault-config":"org.springframework.cloud","spring-cloud-starter-zipkin":"org.springframework.cloud","spring-cloud-starter-zipkin-legacy":"org.springframework.cloud","spring-cloud-starter-zookeeper":"org.springframework.cloud","spring-cloud-starter-zookeeper-all":"org.springframework.cloud","spring-cloud-starter-zookeeper-config":"org.springframework.cloud","spring-cloud-starter-zookeeper-discovery":"org.springframework.cloud","spring-cloud-starter-zuul":"org.springframework.cloud","spring-cloud-stream":"org.springframework.cloud","spring-cloud-stream-binder-kafka":"org.springframework.cloud","spring-cloud-stream-binder-kafka-0.10-test":"org.springframework.cloud","spring-cloud-stream-binder-kafka-0.10.0-test":"org.springframework.cloud","spring-cloud-stream-binder-kafka-0.10.1-test":"org.springframework.cloud","spring-cloud-stream-binder-kafka-0.10.2-test":"org.springframework.cloud","spring-cloud-stream-binder-kafka-0.11-test":"org.springframework.cloud","spring-cloud-stream-binder-kafka-0.9":"org.springframework.cloud","spring-cloud-stream-binder-kafka-core":"org.springframework.cloud","spring-cloud-stream-binder-kafka-docs":"org.springframework.cloud","spring-cloud-stream-binder-kafka-parent":"org.springframework.cloud","spring-cloud-stream-binder-kafka-reactive":"org.springframework.cloud","spring-cloud-stream-binder-kafka-streams":"org.springframework.cloud","spring-cloud-stream-binder-kafka-test-support":"org.springframework.cloud","spring-cloud-stream-binder-kafka11":"org.springframework.cloud","spring-cloud-stream-binder-kafka11-core":"org.springframework.cloud","spring-cloud-stream-binder-kafka11-docs":"org.springframework.cloud","spring-cloud-stream-binder-kafka11-parent":"org.springframework.cloud","spring-cloud-stream-binder-kinesis":"org.springframework.cloud","spring-cloud-stream-binder-kinesis-docs":"org.springframework.cloud","spring-cloud-stream-binder-kinesis-parent":"org.springframework.cloud","spring-cloud-stream-binder-kstream":"org.springframework.cloud","spring-cloud-stream-binder-kstream11":"org.springframework.cloud","spring-cloud-stream-binder-rabbit":"org.springframework.cloud","spring-cloud-stream-binder-rabbit-core":"org.springframework.cloud","spring-cloud-stream-binder-rabbit-docs":"org.springframework.cloud","spring-cloud-stream-binder-rabbit-parent":"org.springframework.cloud","spring-cloud-stream-binder-rabbit-test-support":"org.springframework.cloud","spring-cloud-stream-binder-redis":"org.springframework.cloud","spring-cloud-stream-binder-redis-parent":"org.springframework.cloud","spring-cloud-stream-binder-rocketmq":"org.springframework.cloud","spring-cloud-stream-binder-servlet":"org.springframework.cloud","spring-cloud-stream-binder-test":"org.springframework.cloud","spring-cloud-stream-binders":"org.springframework.cloud","spring-cloud-stream-binders-parent":"org.springframework.cloud","spring-cloud-stream-codec":"org.springframework.cloud","spring-cloud-stream-core":"org.springframework.cloud","spring-cloud-stream-core-docs":"org.springframework.cloud","spring-cloud-stream-dependencies":"org.springframework.cloud","spring-cloud-stream-docs":"org.springframework.cloud","spring-cloud-stream-integration-tests":"org.springframework.cloud","spring-cloud-stream-metrics":"org.springframework.cloud","spring-cloud-stream-parent":"org.springframework.cloud","spring-cloud-stream-reactive":"org.springframework.cloud","spring-cloud-stream-rxjava":"org.springframework.cloud","spring-cloud-stream-schema":"org.springframework.cloud","spring-cloud-stream-schema-registry":"org.springframework.cloud","spring-cloud-stream-schema-registry-client":"org.springframework.cloud","spring-cloud-stream-schema-registry-core":"org.springframework.cloud","spring-cloud-stream-schema-registry-server":"org.springframework.cloud","spring-cloud-stream-schema-server":"org.springframework.cloud","spring-cloud-stream-starter-build":"org.springframework.cloud","spring-cloud-stream-starter-parent":"org.springframework.cloud","spring-cloud-stream-starters":"org.springframework.cloud","spring-cloud-stream-test-binder":"org.springframework.cloud","spring-cloud-stream-test-support":"org.springframework.cloud","spring-cloud-stream-test-support-internal":"org.springframework.cloud","spring-cloud-stream-tools":"org.springframework.cloud","spring-cloud-task-batch":"org.springframework.cloud","spring-cloud-task-core":"org.springframework.cloud","spring-cloud-task-dependencies":"org.springframework.cloud","spring-cloud-task-docs":"org.springframework.cloud","spring-cloud-task-integration-tests":"org.springframework.cloud","spring-cloud-task-parent":"org.springframework.cloud","spring-cloud-task-samples":"org.springframework.cloud","spring-cloud-task-starter":"org.springframework.cloud","spring-cloud-task-stream":"org.springframework.cloud","spring-cloud-test-support":"org.springframework.cloud","spring-cloud-vault-config":"org.springframework.cloud","spring-cloud-vault-config-aws":"org.springframework.cloud","spring-cloud-vault-config-consul":"org.springframework.cloud","spring-cloud-vault-config-databases":"org.springframework.cloud","spring-cloud-vault-config-docs":"org.springframework.cloud","spring-cloud-vault-config-rabbitmq":"org.springframework.cloud","spring-cloud-vault-dependencies":"org.springframework.cloud","spring-cloud-vault-docs":"org.springframework.cloud","spring-cloud-vault-parent":"org.springframework.cloud","spring-cloud-versions":"org.springframework.cloud","spring-cloud-zookeeper":"org.springframework.cloud","spring-cloud-zookeeper-config":"org.springframework.cloud","spring-cloud-zookeeper-core":"org.springframework.cloud","spring-cloud-zookeeper-dependencies":"org.springframework.cloud","spring-cloud-zookeeper-discovery":"org.springframework.cloud","spring-cloud-zookeeper-docs":"org.springframework.cloud","spring-credhub-core":"org.springframework.credhub","spring-cql":"org.springframework.data","spring-data-bom":"org.springframework.data","spring-data-cassandra":"org.springframework.data","spring-data-cassandra-distribution":"org.springframework.data","spring-data-cassandra-parent":"org.springframework.data","spring-data-commons":"org.springframework.data","spring-data-commons-core":"org.springframework.data","spring-data-commons-dist":"org.springframework.data","spring-data-commons-parent":"org.springframework.data","spring-data-couchbase":"org.springframework.data","spring-data-elasticsearch":"org.springframework.data","spring-data-envers":"org.springframework.data","spring-data-gemfire":"org.springframework.data","spring-data-gemfire-test":"org.springframework.data","spring-data-geode":"org.springframework.data","spring-data-geode-distribution":"org.springframework.data","spring-data-geode-parent":"org.springframework.data","spring-data-geode-test":"org.springframework.data","spring-data-graph-core":"org.springframework.data","spring-data-graph-dist":"org.springframework.data","spring-data-graph-parent":"org.springframework.data","spring-data-hadoop":"org.springframework.data","spring-data-hadoop-batch":"org.springframework.data","spring-data-hadoop-boot":"org.springframework.data","spring-data-hadoop-build-tests":"org.springframework.data","spring-data-hadoop-cluster-tests":"org.springframework.data","spring-data-hadoop-config":"org.springframework.data","spring-data-hadoop-core":"org.springframework.data","spring-data-hadoop-hbase":"org.springframework.data","spring-data-hadoop-hive":"org.springframework.data","spring-data-hadoop-pig":"org.springframework.data","spring-data-hadoop-spark":"org.springframework.data","spring-data-hadoop-sqoop2":"org.springframework.data","spring-data-hadoop-store":"org.springframework.data","spring-data-hadoop-test":"org.springframework.data","spring-data-hadoop-util":"org.springframework.data","spring-data-jdbc":"org.springframework.data","spring-data-jdbc-core":"org.springframework.data","spring-data-jdbc-distribution":"org.springframework.data","spring-data-jpa":"org.springframework.data","spring-data-jpa-distribution":"org.springframework.data","spring-data-jpa-parent":"org.springframework.data","spring-data-keyvalue":"org.springframework.data","spring-data-ldap":"org.springframework.data","spring-data-mongodb":"org.springframework.data","spring-data-mongodb-cross-store":"org.springframework.data","spring-data-mongodb-dist":"org.springframework.data","spring-data-mongodb-distribution":"org.springframework.data","spring-data-mongodb-log4j":"org.springframework.data","spring-data-mongodb-parent":"org.springframework.data","spring-data-neo4j":"org.springframework.data","spring-data-neo4j-aspects":"org.springframework.data","spring-data-neo4j-cross-store":"org.springframework.data","spring-data-neo4j-dist":"org.springframework.data","spring-data-neo4j-distribution":"org.springframework.data","spring-data-neo4j-parent":"org.springframework.data","spring-data-neo4j-rest":"org.springframework.data","spring-data-neo4j-tx":"org.springframework.data","spring-data-oracle":"org.springframework.data","spring-data-r2dbc":"org.springframework.data","spring-data-redis":"org.springframework.data","spring-data-relational":"org.springframework.data","spring-data-relational-parent":"org.springframework.data","spring-data-releasetrain":"org.springframework.data","spring-data-rest-core":"org.springframework.data","spring-data-rest-distribution":"org.springframework.data","spring-data-rest-hal-browser":"org.springframework.data","spring-data-rest-hal-explorer":"org.springframework.data","spring-data-rest-parent":"org.springframework.data","spring-data-rest-repository":"org.springframework.data","spring-data-rest-webmvc":"org.springframework.data","spring-data-solr":"org.springframework.data","spring-yarn":"org.springframework.data","spring-yarn-batch":"org.springframework.data","spring-yarn-boot":"org.springframework.data","spring-yarn-boot-build-tests":"org.springframework.data","spring-yarn-boot-cli":"org.springframework.data","spring-yarn-boot-test":"org.springframework.data","spring-yarn-build-tests":"org.springframework.data","spring-yarn-core":"org.springframework.data","spring-yarn-integration":"org.springframework.data","spring-yarn-test":"org.springframework.data","spring-flex":"org.springframework.flex","spring-graphql":"org.springframework.graphql","spring-hateoas":"org.springframework.hateoas","spring-integration":"org.springframework.integration","spring-integration-adapter":"org.springframework.integration","spring-integration-amqp":"org.springframework.integration","spring-integration-aws":"org.springframework.integration","spring-integration-bom":"org.springframework.integration","spring-integration-camel":"org.springframework.integration","spring-integration-cassandra":"org.springframework.integration","spring-integration-core":"org.springframework.integration","spring-integration-event":"org.springframework.integration","spring-integration-feed":"org.springframework.integration","spring-integration-file":"org.springframework.integration","spring-integration-flow":"org.springframework.integration","spring-integration-ftp":"org.springframework.integration","spring-integration-gemfire":"org.springframework.integration","spring-integration-graphql":"org.springframework.integration","spring-integration-groovy":"org.springframework.integration","spring-integration-groovy-dsl":"org.springframework.integration","spring-integration-hazelcast":"org.springframework.integration","spring-integration-http":"org.springframework.integration","spring-integration-httpinvoker":"org.springframework.integration","spring-integration-ip":"org.springframework.integration","spring-integration-java-dsl":"org.springframework.integration","spring-integration-jdbc":"org.springframework.integration","spring-integration-jms":"org.springframework.integration","spring-integration-jmx":"org.springframework.integration","spring-integration-jpa":"org.springframework.integration","spring-integration-kafka":"org.springframework.integration","spring-integration-kotlin-dsl":"org.springframework.integration","spring-integration-mail":"org.springframework.integration","spring-integration-mongodb":"org.springframework.integration","spring-integration-mqtt":"org.springframework.integration","spring-integration-parent":"org.springframework.integration","spring-integration-r2dbc":"org.springframework.integration","spring-integration-redis":"org.springframework.integration","spring-integration-rmi":"org.springframework.integration","spring-integration-rsocket":"org.springframework.integration","spring-integration-samples":"org.springframework.integration","spring-integration-scripting":"org.springframework.integration","spring-integration-security":"org.springframework.integration","spring-integration-sftp":"org.springframework.integration","spring-integration-smb":"org.springframework.integration","spring-integration-smpp":"org.springframework.integration","spring-integration-social-twitter":"org.springframework.integration","spring-integration-splunk":"org.springframework.integration","spring-integration-stomp":"org.springframework.integration","spring-integration-stream":"org.springframework.integration","spring-integration-syslog":"org.springframework.integration","spring-integration-test":"org.springframework.integration","spring-integration-test-support":"org.springframework.integration","spring-integration-tuple":"org.springframework.integration","spring-integration-twitter":"org.springframework.integration","spring-integration-webflux":"org.springframework.integration","spring-integration-websocket":"org.springframework.integration","spring-integration-ws":"org.springframework.integration","spring-integration-xml":"org.springframework.integration","spring-integration-xmpp":"org.springframework.integration","spring-integration-zeromq":"org.springframework.integration","spring-integration-zip":"org.springframework.integration","spring-integration-zookeeper":"org.springframework.integration","spring-kafka":"org.springframework.kafka","spring-social-core":"org.springframework.social","spring-security":"org.springframework.security","spring-security-acl":"org.springframework.security","spring-security-adapters":"org.springframework.security","spring-security-aspects":"org.springframework.security","spring-security-bom":"org.springframework.security","spring-security-cas":"org.springframework.security","spring-security-cas-client":"org.springframework.security","spring-security-catalina":"org.springframework.security","spring-security-config":"org.springframework.security","spring-security-core":"org.springframework.security","spring-security-core-tiger":"org.springframework.security","spring-security-crypto":"org.springframework.security","spring-security-data":"org.springframework.security","spring-security-jboss":"org.springframework.security","spring-security-jetty":"org.springframework.security","spring-security-jwt":"org.springframework.security","spring-security-ldap":"org.springframework.security","spring-security-messaging":"org.springframework.security","spring-security-ntlm":"org.springframework.security","spring-security-oauth2-authorization-server":"org.springframework.security","spring-security-oauth2-client":"org.springframework.security","spring-security-oauth2-core":"org.springframework.security","spring-security-oauth2-jose":"org.springframework.security","spring-security-oauth2-resource-server":"org.springframework.security","spring-security-openid":"org.springframework.security","spring-security-parent":"org.springframework.security","spring-security-portlet":"org.springframework.security","spring-security-remoting":"org.springframework.security","spring-security-resin":"org.springframework.security","spring-security-rsa":"org.springframework.security","spring-security-rsocket":"org.springframework.security","spring-security-saml2-service-provider":"org.springframework.security","spring-security-samples":"org.springframework.security","spring-security-samples-aspectj":"org.springframework.security","spring-security-samples-cas":"org.springframework.security","spring-security-samples-cas-client":"org.springframework.security","spring-security-samples-cas-server":"org.springframework.security","spring-security-samples-contacts":"org.springframework.security","spring-security-samples-dms":"org.springframework.security","spring-security-samples-javaconfig-messages":"org.springframework.security","spring-security-samples-ldap":"org.springframework.security","spring-security-samples-messages-jc":"org.springframework.security","spring-security-samples-openid":"org.springframework.security","spring-security-samples-portlet":"org.springframework.security","spring-security-samples-preauth":"org.springframework.security","spring-security-samples-tutorial":"org.springframework.security","spring-security-taglibs":"org.springframework.security","spring-security-test":"org.springframework.security","spring-security-web":"org.springframework.security","spring-security-oauth":"org.springframework.security.oauth","spring-security-oauth-parent":"org.springframework.security.oauth","spring-security-oauth2":"org.springframework.security.oauth","spring-security-oauth2-autoconfigure":"org.springframework.security.oauth.boot","spring-security-kerberos-bom":"org.springframework.security.kerberos","spring-security-kerberos-client":"org.springframework.security.kerberos","spring-security-kerberos-core":"org.springframework.security.kerberos","spring-security-kerberos-test":"org.springframework.security.kerberos","spring-security-kerberos-web":"org.springframework.security.kerberos","spring-security-saml-dsl-core":"org.springframework.security.extensions","spring-security-saml2-core":"org.springframework.security.extensions","spring-session":"org.springframework.session","spring-session-bom":"org.springframework.session","spring-session-core":"org.springframework.session","spring-session-data-gemfire":"org.springframework.session","spring-session-data-geode":"org.springframework.session","spring-session-data-mongo":"org.springframework.session","spring-session-data-mongodb":"org.springframework.session","spring-session-data-redis":"org.springframework.session","spring-session-hazelcast":"org.springframework.session","spring-session-jdbc":"org.springframework.session","spring-vault-core":"org.springframework.vault","org.springframework.binding":"org.springframework.webflow","org.springframework.faces":"org.springframework.webflow","org.springframework.js":"org.springframework.webflow","org.springframework.webflow":"org.springframework.webflow","spring-binding":"org.springframework.webflow","spring-build-src":"org.springframework.webflow","spring-faces":"org.springframework.webflow","spring-js":"org.springframework.webflow","spring-js-resources":"org.springframework.webflow","spring-webflow":"org.springframework.webflow","spring-ws":"org.springframework.ws","spring-xml":"org.springframework.ws","xalan":"xalan","org.eclipse.ant.core":"org.eclipse.platform","org.eclipse.ant.launching":"org.eclipse.platform","org.eclipse.ant.optional.junit":"org.eclipse.platform","org.eclipse.ant.ui":"org.eclipse.platform","org.eclipse.compare":"org.eclipse.platform","org.eclipse.compare.core":"org.eclipse.platform","org.eclipse.compare.examples":"org.eclipse.platform","org.eclipse.compare.examples.xml":"org.eclipse.platform","org.eclipse.compare.win32":"org.eclipse.platform","org.eclipse.core.commands":"org.eclipse.platform","org.eclipse.core.contenttype":"org.eclipse.platform","org.eclipse.core.databinding":"org.eclipse.platform","org.eclipse.core.databinding.beans":"org.eclipse.platform","org.eclipse.core.databinding.observable":"org.eclipse.platform","org.eclipse.core.databinding.property":"org.eclipse.platform","org.eclipse.core.expressions":"org.eclipse.platform","org.eclipse.core.externaltools":"org.eclipse.platform","org.eclipse.core.filebuffers":"org.eclipse.platform","org.eclipse.core.filesystem":"org.eclipse.platform","org.eclipse.core.filesystem.aix.ppc":"org.eclipse.platform","org.eclipse.core.filesystem.aix.ppc64":"org.eclipse.platform","org.eclipse.core.filesystem.hpux.ia64":"org.eclipse.platform","org.eclipse.core.filesystem.linux.aarch64":"org.eclipse.platform","org.eclipse.core.filesystem.linux.ppc":"org.eclipse.platform","org.eclipse.core.filesystem.linux.ppc64":"org.eclipse.platform","org.eclipse.core.filesystem.linux.ppc64le":"org.eclipse.platform","org.eclipse.core.filesystem.linux.x86":"org.eclipse.platform","org.eclipse.core.filesystem.linux.x86_64":"org.eclipse.platform","org.eclipse.core.filesystem.macosx":"org.eclipse.platform","org.eclipse.core.filesystem.win32.x86":"org.eclipse.platform","org.eclipse.core.filesystem.win32.x86_64":"org.eclipse.platform","org.eclipse.core.jobs":"org.eclipse.platform","org.eclipse.core.net":"org.eclipse.platform","org.eclipse.core.net.linux":"org.eclipse.platform","org.eclipse.core.net.linux.x86":"org.eclipse.platform","org.eclipse.core.net.linux.x86_64":"org.eclipse.platform","org.eclipse.core.net.win32":"org.eclipse.platform","org.eclipse.core.net.win32.x86":"org.eclipse.platform","org.eclipse.core.net.win32.x86_64":"org.eclipse.platform","org.eclipse.core.resources":"org.eclipse.platform","org.eclipse.core.resources.win32.x86":"org.eclipse.platform","org.eclipse.core.resources.win32.x86_64":"org.eclipse.platform","org.eclipse.core.runtime":"org.eclipse.platform","org.eclipse.core.variables":"org.eclipse.platform","org.eclipse.cvs":"org.eclipse.platform","org.eclipse.debug.core":"org.eclipse.platform","org.eclipse.debug.examples.core":"org.eclipse.platform","org.eclipse.debug.examples.ui":"org.eclipse.platform","org.eclipse.debug.ui":"org.eclipse.platform","org.eclipse.debug.ui.launchview":"org.eclipse.platform","org.eclipse.e4.core.commands":"org.eclipse.platform","org.eclipse.e4.core.contexts":"org.eclipse.platform","org.eclipse.e4.core.di":"org.eclipse.platform","org.eclipse.e4.core.di.annotations":"org.eclipse.platform","org.eclipse.e4.core.di.extensions":"org.eclipse.platform","org.eclipse.e4.core.di.extensions.supplier":"org.eclipse.platform","org.eclipse.e4.core.services":"org.eclipse.platform","org.eclipse.e4.emf.xpath":"org.eclipse.platform","org.eclipse.e4.tools":"org.eclipse.platform","org.eclipse.e4.tools.compat":"org.eclipse.platform","org.eclipse.e4.tools.compatibility.migration":"org.eclipse.platform","org.eclipse.e4.tools.emf.editor3x":"org.eclipse.platform","org.eclipse.e4.tools.emf.ui":"org.eclipse.platform","org.eclipse.e4.tools.jdt.templates":"org.eclipse.platform","org.eclipse.e4.tools.persistence":"org.eclipse.platform","org.eclipse.e4.tools.services":"org.eclipse.platform","org.eclipse.e4.ui.bindings":"org.eclipse.platform","org.eclipse.e4.ui.css.core":"org.eclipse.platform","org.eclipse.e4.ui.css.swt":"org.eclipse.platform","org.eclipse.e4.ui.css.swt.theme":"org.eclipse.platform","org.eclipse.e4.ui.di":"org.eclipse.platform","org.eclipse.e4.ui.dialogs":"org.eclipse.platform","org.eclipse.e4.ui.ide":"org.eclipse.platform","org.eclipse.e4.ui.model.workbench":"org.eclipse.platform","org.eclipse.e4.ui.progress":"org.eclipse.platform","org.eclipse.e4.ui.services":"org.eclipse.platform","org.eclipse.e4.ui.swt.gtk":"org.eclipse.platform","org.eclipse.e4.ui.swt.win32":"org.eclipse.platform","org.eclipse.e4.ui.widgets":"org.eclipse.platform","org.eclipse.e4.ui.workbench":"org.eclipse.platform","org.eclipse.e4.ui.workbench.addons.swt":"org.eclipse.platform","org.eclipse.e4.ui.workbench.renderers.swt":"org.eclipse.platform","org.eclipse.e4.ui.workbench.renderers.swt.cocoa":"org.eclipse.platform","org.eclipse.e4.ui.workbench.swt":"org.eclipse.platform","org.eclipse.e4.ui.workbench3":"org.eclipse.platform","org.eclipse.equinox.app":"org.eclipse.platform","org.eclipse.equinox.bidi":"org.eclipse.platform","org.eclipse.equinox.cm":"org.eclipse.platform","org.eclipse.equinox.common":"org.eclipse.platform","org.eclipse.equinox.concurrent":"org.eclipse.platform","org.eclipse.equinox.console":"org.eclipse.platform","org.eclipse.equinox.console.jaas.fragment":"org.eclipse.platform","org.eclipse.equinox.console.ssh":"org.eclipse.platform","org.eclipse.equinox.coordinator":"org.eclipse.platform","org.eclipse.equinox.device":"org.eclipse.platform","org.eclipse.equinox.ds":"org.eclipse.platform","org.eclipse.equinox.event":"org.eclipse.platform","org.eclipse.equinox.frameworkadmin":"org.eclipse.platform","org.eclipse.equinox.frameworkadmin.equinox":"org.eclipse.platform","org.eclipse.equinox.http.jetty":"org.eclipse.platform","org.eclipse.equinox.http.registry":"org.eclipse.platform","org.eclipse.equinox.http.servlet":"org.eclipse.platform","org.eclipse.equinox.http.servletbridge":"org.eclipse.platform","org.eclipse.equinox.io":"org.eclipse.platform","org.eclipse.equinox.ip":"org.eclipse.platform","org.eclipse.equinox.jsp.jasper":"org.eclipse.platform","org.eclipse.equinox.jsp.jasper.registry":"org.eclipse.platform","org.eclipse.equinox.launcher":"org.eclipse.platform","org.eclipse.equinox.launcher.cocoa.macosx":"org.eclipse.platform","org.eclipse.equinox.launcher.cocoa.macosx.aarch64":"org.eclipse.platform","org.eclipse.equinox.launcher.cocoa.macosx.x86_64":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.aix.ppc":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.aix.ppc64":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.hpux.ia64":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.linux.aarch64":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.linux.ppc":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.linux.ppc64":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.linux.ppc64le":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.linux.s390":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.linux.s390x":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.linux.x86":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.linux.x86_64":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.solaris.sparcv9":"org.eclipse.platform","org.eclipse.equinox.launcher.gtk.solaris.x86_64":"org.eclipse.platform","org.eclipse.equinox.launcher.win32.win32.x86":"org.eclipse.platform","org.eclipse.equinox.launcher.win32.win32.x86_64":"org.eclipse.platform","org.eclipse.equinox.log.stream":"org.eclipse.platform","org.eclipse.equinox.metatype":"org.eclipse.platform","org.eclipse.equinox.p2.artifact.repository":"org.eclipse.platform","org.eclipse.equinox.p2.console":"org.eclipse.platform","org.eclipse.equinox.p2.core":"org.eclipse.platform","org.eclipse.equinox.p2.director":"org.eclipse.platform","org.eclipse.equinox.p2.director.app":"org.eclipse.platform","org.eclipse.equinox.p2.directorywatcher":"org.eclipse.platform","org.eclipse.equinox.p2.discovery":"org.eclipse.platform","org.eclipse.equinox.p2.discovery.compatibility":"org.eclipse.platform","org.eclipse.equinox.p2.engine":"org.eclipse.platform","org.eclipse.equinox.p2.extensionlocation":"org.eclipse.platform","org.eclipse.equinox.p2.garbagecollector":"org.eclipse.platform","org.eclipse.equinox.p2.installer":"org.eclipse.platform","org.eclipse.equinox.p2.jarprocessor":"org.eclipse.platform","org.eclipse.equinox.p2.metadata":"org.eclipse.platform","org.eclipse.equinox.p2.metadata.repository":"org.eclipse.platform","org.eclipse.equinox.p2.operations":"org.eclipse.platform","org.eclipse.equinox.p2.publisher":"org.eclipse.platform","org.eclipse.equinox.p2.publisher.eclipse":"org.eclipse.platform","org.eclipse.equinox.p2.reconciler.dropins":"org.eclipse.platform","org.eclipse.equinox.p2.repository":"org.eclipse.platform","org.eclipse.equinox.p2.repository.tools":"org.eclipse.platform","org.eclipse.equinox.p2.touchpoint.eclipse":"org.eclipse.platform","org.eclipse.equinox.p2.touchpoint.natives":"org.eclipse.platform","org.eclipse.equinox.p2.transport.ecf":"org.eclipse.platform","org.eclipse.equinox.p2.ui":"org.eclipse.platform","org.eclipse.equinox.p2.ui.admin":"org.eclipse.platform","org.eclipse.equinox.p2.ui.admin.rcp":"org.eclipse.platform","org.eclipse.equinox.p2.ui.discovery":"org.eclipse.platform","org.eclipse.equinox.p2.ui.importexport":"org.eclipse.platform","org.eclipse.equinox.p2.ui.sdk":"org.eclipse.platform","org.eclipse.equinox.p2.ui.sdk.scheduler":"org.eclipse.platform","org.eclipse.equinox.p2.updatechecker":"org.eclipse.platform","org.eclipse.equinox.p2.updatesite":"org.eclipse.platform","org.eclipse.equinox.preferences":"org.eclipse.platform","org.eclipse.equinox.region":"org.eclipse.platform","org.eclipse.equinox.registry":"org.eclipse.platform","org.eclipse.equinox.security":"org.eclipse.platform","org.eclipse.equinox.security.linux":"org.eclipse.platform","org.eclipse.equinox.security.linux.x86_64":"org.eclipse.platform","org.eclipse.equinox.security.macosx":"org.eclipse.platform","org.eclipse.equinox.security.ui":"org.eclipse.platform","org.eclipse.equinox.security.win32.x86":"org.eclipse.platform","org.eclipse.equinox.security.win32.x86_64":"org.eclipse.platform","org.eclipse.equinox.servletbridge":"org.eclipse.platform","org.eclipse.equinox.simpleconfigurator":"org.eclipse.platform","org.eclipse.equinox.simpleconfigurator.manipulator":"org.eclipse.platform","org.eclipse.equinox.supplement":"org.eclipse.platform","org.eclipse.equinox.transforms.hook":"org.eclipse.platform","org.eclipse.equinox.transforms.xslt":"org.eclipse.platform","org.eclipse.equinox.useradmin":"org.eclipse.platform","org.eclipse.equinox.util":"org.eclipse.platform","org.eclipse.equinox.weaving.caching":"org.eclipse.platform","org.eclipse.equinox.weaving.caching.j9":"org.eclipse.platform","org.eclipse.equinox.weaving.hook":"org.eclipse.platform","org.eclipse.equinox.wireadmin":"org.eclipse.platform","org.eclipse.help":"org.eclipse.platform","org.eclipse.help.base":"org.eclipse.platform","org.eclipse.help.ui":"org.eclipse.platform","org.eclipse.help.webapp":"org.eclipse.platform","org.eclipse.jface":"org.eclipse.platform","org.eclipse.jface.databinding":"org.eclipse.platform","org.eclipse.jface.examples.databinding":"org.eclipse.platform","org.eclipse.jface.notifications":"org.eclipse.platform","org.eclipse.jface.text":"org.eclipse.platform","org.eclipse.jsch.core":"org.eclipse.platform","org.eclipse.jsch.ui":"org.eclipse.platform","org.eclipse.ltk.core.refactoring":"org.eclipse.platform","org.eclipse.ltk.ui.refactoring":"org.eclipse.platform","org.eclipse.osgi":"org.eclipse.platform","org.eclipse.osgi.compatibility.plugins":"org.eclipse.platform","org.eclipse.osgi.compatibility.state":"org.eclipse.platform","org.eclipse.osgi.services":"org.eclipse.platform","org.eclipse.osgi.util":"org.eclipse.platform","org.eclipse.platform":"org.eclipse.platform","org.eclipse.platform.doc.isv":"org.eclipse.platform","org.eclipse.platform.doc.user":"org.eclipse.platform","org.eclipse.rcp":"org.eclipse.platform","org.eclipse.releng.tools":"org.eclipse.platform","org.eclipse.sdk":"org.eclipse.platform","org.eclipse.sdk.examples":"org.eclipse.platform","org.eclipse.search":"org.eclipse.platform","org.eclipse.swt":"org.eclipse.platform","org.eclipse.swt.browser.chromium.cocoa.macosx.x86_64":"org.eclipse.platform","org.eclipse.swt.browser.chromium.gtk.linux.x86_64":"org.eclipse.platform","org.eclipse.swt.browser.chromium.win32.win32.x86_64":"org.eclipse.platform","org.eclipse.swt.cocoa.macosx.aarch64":"org.eclipse.platform","org.eclipse.swt.cocoa.macosx.x86_64":"org.eclipse.platform","org.eclipse.swt.examples":"org.eclipse.platform","org.eclipse.swt.examples.browser.demos":"org.eclipse.platform","org.eclipse.swt.examples.launcher":"org.eclipse.platform","org.eclipse.swt.examples.ole.win32":"org.eclipse.platform","org.eclipse.swt.examples.views":"org.eclipse.platform","org.eclipse.swt.gtk.aix.ppc":"org.eclipse.platform","org.eclipse.swt.gtk.aix.ppc64":"org.eclipse.platform","org.eclipse.swt.gtk.hpux.ia64":"org.eclipse.platform","org.eclipse.swt.gtk.linux.aarch64":"org.eclipse.platform","org.eclipse.swt.gtk.linux.ppc":"org.eclipse.platform","org.eclipse.swt.gtk.linux.ppc64":"org.eclipse.platform","org.eclipse.swt.gtk.linux.ppc64le":"org.eclipse.platform","org.eclipse.swt.gtk.linux.s390":"org.eclipse.platform","org.eclipse.swt.gtk.linux.s390x":"org.eclipse.platform","org.eclipse.swt.gtk.linux.x86":"org.eclipse.platform","org.eclipse.swt.gtk.linux.x86_64":"org.eclipse.platform","org.eclipse.swt.gtk.solaris.sparcv9":"org.eclipse.platform","org.eclipse.swt.gtk.solaris.x86_64":"org.eclipse.platform","org.eclipse.swt.tools":"org.eclipse.platform","org.eclipse.swt.tools.base":"org.eclipse.platform","org.eclipse.swt.tools.spies":"org.eclipse.platform","org.eclipse.swt.win32.win32.x86":"org.eclipse.platform","org.eclipse.swt.win32.win32.x86_64":"org.eclipse.platform","org.eclipse.team.core":"org.eclipse.platform","org.eclipse.team.cvs.core":"org.eclipse.platform","org.eclipse.team.cvs.ssh2":"org.eclipse.platform","org.eclipse.team.cvs.ui":"org.eclipse.platform","org.eclipse.team.examples.filesystem":"org.eclipse.platform","org.eclipse.team.genericeditor.diff.extension":"org.eclipse.platform","org.eclipse.team.ui":"org.eclipse.platform","org.eclipse.text":"org.eclipse.platform","org.eclipse.text.quicksearch":"org.eclipse.platform","org.eclipse.tips.core":"org.eclipse.platform","org.eclipse.tips.ide":"org.eclipse.platform","org.eclipse.tips.json":"org.eclipse.platform","org.eclipse.tips.ui":"org.eclipse.platform","org.eclipse.tools.layout.spy":"org.eclipse.platform","org.eclipse.ui":"org.eclipse.platform","org.eclipse.ui.browser":"org.eclipse.platform","org.eclipse.ui.cheatsheets":"org.eclipse.platform","org.eclipse.ui.cocoa":"org.eclipse.platform","org.eclipse.ui.console":"org.eclipse.platform","org.eclipse.ui.editors":"org.eclipse.platform","org.eclipse.ui.examples.contributions":"org.eclipse.platform","org.eclipse.ui.examples.fieldassist":"org.eclipse.platform","org.eclipse.ui.examples.filesystem":"org.eclipse.platform","org.eclipse.ui.examples.javaeditor":"org.eclipse.platform","org.eclipse.ui.examples.multipageeditor":"org.eclipse.platform","org.eclipse.ui.examples.propertysheet":"org.eclipse.platform","org.eclipse.ui.examples.readmetool":"org.eclipse.platform","org.eclipse.ui.examples.undo":"org.eclipse.platform","org.eclipse.ui.examples.uriSchemeHandler":"org.eclipse.platform","org.eclipse.ui.examples.views.properties.tabbed.article":"org.eclipse.platform","org.eclipse.ui.externaltools":"org.eclipse.platform","org.eclipse.ui.forms":"org.eclipse.platform","org.eclipse.ui.genericeditor":"org.eclipse.platform","org.eclipse.ui.genericeditor.examples":"org.eclipse.platform","org.eclipse.ui.ide":"org.eclipse.platform","org.eclipse.ui.ide.application":"org.eclipse.platform","org.eclipse.ui.intro":"org.eclipse.platform","org.eclipse.ui.intro.quicklinks":"org.eclipse.platform","org.eclipse.ui.intro.universal":"org.eclipse.platform","org.eclipse.ui.monitoring":"org.eclipse.platform","org.eclipse.ui.navigator":"org.eclipse.platform","org.eclipse.ui.navigator.resources":"org.eclipse.platform","org.eclipse.ui.net":"org.eclipse.platform","org.eclipse.ui.themes":"org.eclipse.platform","org.eclipse.ui.trace":"org.eclipse.platform","org.eclipse.ui.views":"org.eclipse.platform","org.eclipse.ui.views.log":"org.eclipse.platform","org.eclipse.ui.views.properties.tabbed":"org.eclipse.platform","org.eclipse.ui.win32":"org.eclipse.platform","org.eclipse.ui.workbench":"org.eclipse.platform","org.eclipse.ui.workbench.texteditor":"org.eclipse.platform","org.eclipse.update.configurator":"org.eclipse.platform","org.eclipse.update.core":"org.eclipse.platform","org.eclipse.urischeme":"org.eclipse.platform","reactor-netty":"io.projectreactor.netty","reactor-netty-core":"io.projectreactor.netty","reactor-netty-http":"io.projectreactor.netty","reactor-netty-http-brave":"io.projectreactor.netty","reactor-netty-incubator-quic":"io.projectreactor.netty.incubator","ratpack-base":"io.ratpack","ratpack-codahale-metrics":"io.ratpack","ratpack-config":"io.ratpack","ratpack-consul":"io.ratpack","ratpack-core":"io.ratpack","ratpack-dropwizard-metrics":"io.ratpack","ratpack-exec":"io.ratpack","ratpack-func":"io.ratpack","ratpack-gradle":"io.ratpack","ratpack-groovy":"io.ratpack","ratpack-groovy-test":"io.ratpack","ratpack-gson":"io.ratpack","ratpack-guice":"io.ratpack","ratpack-h2":"io.ratpack","ratpack-handlebars":"io.ratpack","ratpack-hikari":"io.ratpack","ratpack-hystrix":"io.ratpack","ratpack-jackson":"io.ratpack","ratpack-jackson-guice":"io.ratpack","ratpack-jdbc-tx":"io.ratpack","ratpack-manual":"io.ratpack","ratpack-newrelic":"io.ratpack","ratpack-pac4j":"io.ratpack","ratpack-reactor":"io.ratpack","ratpack-remote":"io.ratpack","ratpack-remote-test":"io.ratpack","ratpack-retrofit2":"io.ratpack","ratpack-rocker":"io.ratpack","ratpack-rx":"io.ratpack","ratpack-rx2":"io.ratpack","ratpack-session":"io.ratpack","ratpack-session-redis":"io.ratpack","ratpack-session-serialization-kryo":"io.ratpack","ratpack-spring-boot":"io.ratpack","ratpack-spring-boot-starter":"io.ratpack","ratpack-test":"io.ratpack","ratpack-thymeleaf":"io.ratpack","ratpack-thymeleaf3":"io.ratpack","graphiql-spring-boot-autoconfigure":"com.graphql-java","graphiql-spring-boot-starter":"com.graphql-java","graphql-java":"com.graphql-java","graphql-java-annotations":"com.graphql-java","graphql-java-extended-scalars":"com.graphql-java","graphql-java-extended-validation":"com.graphql-java","graphql-java-servlet":"com.graphql-java","graphql-java-spring-boot-starter-webflux":"com.graphql-java","graphql-java-spring-boot-starter-webmvc":"com.graphql-java","graphql-java-spring-webflux":"com.graphql-java","graphql-java-spring-webmvc":"com.graphql-java","graphql-java-tools":"com.graphql-java","graphql-rxjava":"com.graphql-java","graphql-spring-boot-autoconfigure":"com.graphql-java","graphql-spring-boot-starter":"com.graphql-java","graphql-spring-boot-starter-test":"com.graphql-java","graphql-spring-boot-test":"com.graphql-java","graphql-spring-boot-test-autoconfigure":"com.graphql-java","java-dataloader":"com.graphql-java","voyager-spring-boot-autoconfigure":"com.graphql-java","voyager-spring-boot-starter":"com.graphql-java","minio":"io.minio","minio-admin":"io.minio","minio-java":"io.minio","commons-jelly":"commons-jelly","commons-jelly-avalon":"commons-jelly","commons-jelly-tags-ant":"commons-jelly","commons-jelly-tags-antlr":"commons-jelly","commons-jelly-tags-avalon":"commons-jelly","commons-jelly-tags-bean":"commons-jelly","commons-jelly-tags-beanshell":"commons-jelly","commons-jelly-tags-betwixt":"commons-jelly","commons-jelly-tags-bsf":"commons-jelly","commons-jelly-tags-define":"commons-jelly","commons-jelly-tags-dynabean":"commons-jelly","commons-jelly-tags-email":"commons-jelly","commons-jelly-tags-fmt":"commons-jelly","commons-jelly-tags-html":"commons-jelly","commons-jelly-tags-http":"commons-jelly","commons-jelly-tags-interaction":"commons-jelly","commons-jelly-tags-jaxme":"commons-jelly","commons-jelly-tags-jetty":"commons-jelly","commons-jelly-tags-jface":"commons-jelly","commons-jelly-tags-jms":"commons-jelly","commons-jelly-tags-jmx":"commons-jelly","commons-jelly-tags-jsl":"commons-jelly","commons-jelly-tags-junit":"commons-jelly","commons-jelly-tags-log":"commons-jelly","commons-jelly-tags-ojb":"commons-jelly","commons-jelly-tags-quartz":"commons-jelly","commons-jelly-tags-regexp":"commons-jelly","commons-jelly-tags-soap":"commons-jelly","commons-jelly-tags-sql":"commons-jelly","commons-jelly-tags-swing":"commons-jelly","commons-jelly-tags-swt":"commons-jelly","commons-jelly-tags-threads":"commons-jelly","commons-jelly-tags-util":"commons-jelly","commons-jelly-tags-validate":"commons-jelly","commons-jelly-tags-velocity":"commons-jelly","commons-jelly-tags-xml":"commons-jelly","commons-jelly-tags-xmlunit":"commons-jelly","groovy":"org.codehaus.groovy","groovy-all":"org.codehaus.groovy","groovy-all-jdk14":"org.codehaus.groovy","groovy-all-minimal":"org.codehaus.groovy","groovy-all-tests":"org.codehaus.groovy","groovy-ant":"org.codehaus.groovy","groovy-astbuilder":"org.codehaus.groovy","groovy-backports-compat23":"org.codehaus.groovy","groovy-binary":"org.codehaus.groovy","groovy-bom":"org.codehaus.groovy","groovy-bsf":"org.codehaus.groovy","groovy-cli-commons":"org.codehaus.groovy","groovy-cli-picocli":"org.codehaus.groovy","groovy-console":"org.codehaus.groovy","groovy-datetime":"org.codehaus.groovy","groovy-dateutil":"org.codehaus.groovy","groovy-docgenerator":"org.codehaus.groovy","groovy-eclipse-batch":"org.codehaus.groovy","groovy-eclipse-compiler":"org.codehaus.groovy","groovy-groovydoc":"org.codehaus.groovy","groovy-groovysh":"org.codehaus.groovy","groovy-jaxb":"org.codehaus.groovy","groovy-jdk14":"org.codehaus.groovy","groovy-jmx":"org.codehaus.groovy","groovy-json":"org.codehaus.groovy","groovy-json-direct":"org.codehaus.groovy","groovy-jsr223":"org.codehaus.groovy","groovy-macro":"org.codehaus.groovy","groovy-nio":"org.codehaus.groovy","groovy-servlet":"org.codehaus.groovy","groovy-sql":"org.codehaus.groovy","groovy-swing":"org.codehaus.groovy","groovy-templates":"org.codehaus.groovy","groovy-test":"org.codehaus.groovy","groovy-test-junit5":"org.codehaus.groovy","groovy-testng":"org.codehaus.groovy","groovy-tests-vm8":"org.codehaus.groovy","groovy-xml":"org.codehaus.groovy","groovy-xmlrpc":"org.codehaus.groovy","groovy-yaml":"org.codehaus.groovy","kafka-clients":"org.apache.kafka","kafka-examples":"org.apache.kafka","kafka-group-coordinator":"org.apache.kafka","kafka-hadoop-consumer":"org.apache.kafka","kafka-hadoop-producer":"org.apache.kafka","kafka-java-examples":"org.apache.kafka","kafka-log4j-appender":"org.apache.kafka","kafka-metadata":"org.apache.kafka","kafka-perf_2.10":"org.apache.kafka","kafka-perf_2.8.0":"org.apache.kafka","kafka-perf_2.8.2":"org.apache.kafka","kafka-perf_2.9.1":"org.apache.kafka","kafka-perf_2.9.2":"org.apache.kafka","kafka-raft":"org.apache.kafka","kafka-server-common":"org.apache.kafka","kafka-shell":"org.apache.kafka","kafka-storage":"org.apache.kafka","kafka-storage-api":"org.apache.kafka","kafka-streams":"org.apache.kafka","kafka-streams-examples":"org.apache.kafka","kafka-streams-scala_2.11":"org.apache.kafka","kafka-streams-scala_2.12":"org.apache.kafka","kafka-streams-scala_2.13":"org.apache.kafka","kafka-streams-test-utils":"org.apache.kafka","kafka-streams-upgrade-system-tests-0100":"org.apache.kafka","kafka-streams-upgrade-system-tests-0101":"org.apache.kafka","kafka-streams-upgrade-system-tests-0102":"org.apache.kafka","kafka-streams-upgrade-system-tests-0110":"org.apache.kafka","kafka-streams-upgrade-system-tests-10":"org.apache.kafka","kafka-streams-upgrade-system-tests-11":"org.apache.kafka","kafka-streams-upgrade-system-tests-20":"org.apache.kafka","kafka-streams-upgrade-system-tests-21":"org.apache.kafka","kafka-streams-upgrade-system-tests-22":"org.apache.kafka","kafka-streams-upgrade-system-tests-23":"org.apache.kafka","kafka-streams-upgrade-system-tests-24":"org.apache.kafka","kafka-streams-upgrade-system-tests-25":"org.apache.kafka","kafka-streams-upgrade-system-tests-26":"org.apache.kafka","kafka-streams-upgrade-system-tests-27":"org.apache.kafka","kafka-streams-upgrade-system-tests-28":"org.apache.kafka","kafka-streams-upgrade-system-tests-30":"org.apache.kafka","kafka-streams-upgrade-system-tests-31":"org.apache.kafka","kafka-streams-upgrade-system-tests-32":"org.apache.kafka","kafka-streams-upgrade-system-tests-33":"org.apache.kafka","kafka-streams-upgrade-system-tests-34":"org.apache.kafka","kafka-streams-upgrade-system-tests-35":"org.apache.kafka","kafka-tools":"org.apache.kafka","kafka-tools-api":"org.apache.kafka","kafka_2.10":"org.apache.kafka","kafka_2.11":"org.apache.kafka","kafka_2.12":"org.apache.kafka","kafka_2.13":"org.apache.kafka","kafka_2.8.0":"org.apache.kafka","kafka_2.8.2":"org.apache.kafka","kafka_2.9.1":"org.apache.kafka","kafka_2.9.2":"org.apache.kafka","jackson-core-asl":"org.codehaus.jackson","jackson-mapper-asl":"org.codehaus.jackson","jackson-jaxrs":"org.codehaus.jackson","jackson-xc":"org.codehaus.jackson","jackson-smile":"org.codehaus.jackson"}}');
;// CONCATENATED MODULE: ./actions/sbom/src/image/languages.ts





/** `…/node_modules/name/package.json` or `…/node_modules/@scope/name/package.json` (not files deeper in a package). */
const NODE_PACKAGE = /\/node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/;
const PYTHON_METADATA = /\/[^/]+\.dist-info\/METADATA$|\/[^/]+\.egg-info\/PKG-INFO$|\/[^/]+\.egg-info$/;
/** Java archives by syft's archiveFormatGlobs: NiFi's .nar, Karaf's .kar, Liferay's .lpkg… are jars too. */
const JAVA_ARCHIVE = /\.(jar|war|ear|par|sar|nar|jpi|hpi|kar|far|lpkg)$/;
function parseNodePackage(data, path) {
    let json;
    try {
        json = JSON.parse(data.toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (typeof json.name !== 'string' || typeof json.version !== 'string' || !json.name)
        return undefined;
    const license = (0,licenses_text/* licenseText */.B)(json.license ?? json.licenses);
    return {
        purlType: 'npm',
        ...(0,purl/* npmName */.Ln)(json.name),
        version: json.version,
        license: license ? { expression: license, valid: false, source: path } : undefined,
    };
}
/** Core metadata (METADATA / PKG-INFO): Name, Version, License-Expression or License or the license classifiers. */
function parsePythonMetadata(data, path) {
    const head = data.toString('utf8').split(/\r?\n\r?\n/)[0] ?? '';
    const fields = new Map();
    const classifiers = [];
    for (const line of head.split(/\r?\n/)) {
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (!m)
            continue;
        const key = m[1].toLowerCase();
        if (key === 'classifier' && m[2].startsWith('License :: OSI Approved :: ')) {
            classifiers.push(m[2].slice('License :: OSI Approved :: '.length));
        }
        if (!fields.has(key))
            fields.set(key, m[2].trim());
    }
    const name = fields.get('name');
    const version = fields.get('version');
    if (!name || !version)
        return undefined;
    const stated = fields.get('license-expression') ?? fields.get('license');
    const text = stated && stated !== 'UNKNOWN' && !stated.includes('\n') && stated.length < 100
        ? stated
        : classifiers.join(' OR ') || undefined;
    const license = text ? { expression: text, valid: false, source: path } : undefined;
    return { purlType: 'pypi', name: (0,purl/* pep503 */.g9)(name), version, license };
}
/**
 * Inflated size limits: a manifest or pom.properties of more is not one (a zip bomb), nor is a
 * nested jar of more; and what one archive's entries, its nested jars' included, inflate to
 * together is at most `total` (a 50 MB jar of thousands of small bombs would otherwise inflate for
 * minutes). Tests lower them.
 */
const JAR_LIMITS = {
    metadata: 16 * 1024 * 1024,
    nested: 256 * 1024 * 1024,
    total: 2 * 1024 * 1024 * 1024,
};
/**
 * The packages in a Java archive, as syft's java cataloger finds them: every
 * `META-INF/maven/<group>/<artifact>/pom.properties`; and, when the archive has a MANIFEST.MF and
 * none of those is the archive itself, the archive as a package named from its manifest and file
 * name (a Gradle- or Ant-built jar has no pom.properties). Jars nested one level deep (Spring
 * Boot's BOOT-INF/lib, a war's WEB-INF/lib) are read the same way. An archive that is not a
 * readable zip throws; a nested jar or entry that cannot be read is a problem, the rest is kept.
 */
async function parseJar(data, path, depth = 0, budget = { left: JAR_LIMITS.total }) {
    const zip = await openZip(data);
    const out = { packages: [], problems: [] };
    try {
        const poms = [];
        let manifest;
        const nested = [];
        for (const entry of await entriesOf(zip)) {
            const name = entry.fileName;
            const isPom = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/.test(name);
            const isManifest = name === 'META-INF/MANIFEST.MF';
            const isNested = depth === 0 && JAVA_ARCHIVE.test(name);
            if (!isPom && !isManifest && !isNested)
                continue;
            const limit = isNested ? JAR_LIMITS.nested : JAR_LIMITS.metadata;
            // Sizes as the central directory states them (yauzl refuses an entry that inflates to other
            // than it says); one over its own limit is refused by readEntry without counting.
            if (entry.uncompressedSize <= limit) {
                if (entry.uncompressedSize > budget.left) {
                    out.problems.push(`${name}: not read, the archive's entries would inflate past the ${mib(JAR_LIMITS.total)} limit together`);
                    continue;
                }
                budget.left -= entry.uncompressedSize;
            }
            let bytes;
            try {
                bytes = await readEntry(zip, entry, limit);
            }
            catch (error) {
                out.problems.push(`${name}: ${error.message}`);
                continue;
            }
            if (isPom) {
                const props = new Map();
                for (const line of bytes.toString('utf8').split(/\r?\n/)) {
                    const m = /^\s*([^#!=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
                    if (m)
                        props.set(m[1], m[2].trim());
                }
                const group = props.get('groupId');
                const artifact = props.get('artifactId');
                const version = props.get('version');
                if (group && artifact && version)
                    poms.push({ purlType: 'maven', namespace: group, name: artifact, version });
            }
            else if (isManifest) {
                manifest = parseManifest(bytes.toString('utf8'));
            }
            else {
                try {
                    const inner = await parseJar(bytes, name, depth + 1, budget);
                    nested.push(...inner.packages);
                    out.problems.push(...inner.problems.map((p) => `${name}!/${p}`));
                }
                catch (error) {
                    out.problems.push(`${name}: ${error.message}`);
                }
            }
        }
        out.packages.push(...poms.map((record) => ({ record })));
        const file = external_node_path_.posix.basename(path);
        const fileName = splitArchiveName(file).name;
        // The archive's own pom.properties (the only one, named like the file) is its identity, as in
        // syft; otherwise the archive is a package of its own unless a pom.properties names the same.
        const own = poms.length === 1 && fileName !== '' && poms[0].name.startsWith(fileName);
        // A nested jar's manifest is named by its path in the outer one (BOOT-INF/lib/x.jar!/META-INF/MANIFEST.MF).
        const self = manifest && !own ? fromManifest(manifest, file, depth > 0 ? `${path}!/` : '') : undefined;
        if (self &&
            !poms.some((p) => p.name === self.record.name && (!self.record.version || p.version === self.record.version)))
            out.packages.unshift(self);
        out.packages.push(...nested);
        return out;
    }
    finally {
        zip.close();
    }
}
function parseManifest(text) {
    const sections = [new Map()];
    let last;
    for (const line of text.split(/\r?\n|\r/)) {
        const current = sections[sections.length - 1];
        if (line.trim() === '') {
            if (current.size > 0)
                sections.push(new Map());
            last = undefined;
        }
        else if (line.startsWith(' ')) {
            if (last)
                current.set(last, `${current.get(last) ?? ''}${line.slice(1)}`);
        }
        else {
            const colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            last = line.slice(0, colon).trim();
            current.set(last, line.slice(colon + 1).trim());
        }
    }
    return { main: sections[0], sections: sections.slice(1).filter((s) => s.size > 0) };
}
/**
 * `commons-text-1.10.0` → name and version, as syft splits archive file names: dash-separated
 * words up to the first part that starts with a digit (or is `build<n>…`, `r<n>`, `rc<n>`); else
 * a `_1.2` / `.1.2` suffix.
 */
function splitArchiveName(file) {
    const base = file.replace(/\.[^.]*$/, '');
    const parts = base.split('-');
    const versionAt = parts.findIndex((p, i) => i > 0 && /^(?:\d|build\d|rc?\d+$)/i.test(p));
    const nameParts = versionAt < 0 ? parts : parts.slice(0, versionAt);
    if (!nameParts.every((p) => /^[A-Za-z][\w.]*$/.test(p)))
        return { name: '', version: '' };
    let name = nameParts.join('-');
    let version = versionAt < 0 ? '' : parts.slice(versionAt).join('-');
    if (!version) {
        const m = /[._-]((?:\d|build\d|rc?\d+$).*)$/i.exec(name);
        if (m && m.index > 0) {
            version = m[1];
            name = name.slice(0, m.index);
        }
    }
    return { name, version };
}
const GROUP_FIELDS = [
    'Group-Id',
    'Bundle-SymbolicName',
    'Extension-Name',
    'Specification-Vendor',
    'Implementation-Vendor',
    'Implementation-Vendor-Id',
    'Implementation-Title',
    'Bundle-Activator',
];
const SECONDARY_GROUP_FIELDS = ['Automatic-Module-Name', 'Main-Class', 'Package'];
const NAME_FIELDS = ['Name', 'Bundle-Name', 'Short-Name', 'Extension-Name', 'Implementation-Title'];
const VERSION_FIELDS = ['Implementation-Version', 'Specification-Version', 'Plugin-Version', 'Bundle-Version'];
/**
 * A value is taken as a group id when it starts like a reverse domain, by syft's check: the bare
 * prefix, so `commons-io` passes as `com…` does (syft's startsWithTopLevelDomain).
 */
const REVERSE_DOMAIN = /^(?:com|org|net|io|be)/;
/** syft's tables: the group of well-known artifacts that ship without pom.properties, and group corrections. */
const KNOWN_GROUPS = new Map(Object.entries(java_group_ids_namespaceObject.TN));
const GROUP_CORRECTIONS = new Map(Object.entries(java_group_ids_namespaceObject.SX));
/** `org.bar;singleton:=true` → `org.bar` (OSGi directives), `x#y` → `x`. */
const stripDirectives = (value) => value.split(';')[0].split('#')[0]?.trim() ?? '';
/** A group id as syft cleans it: directives stripped, then its corrections (`org.lz4.java` → `org.lz4`). */
const cleanGroup = (value) => {
    const group = stripDirectives(value);
    return GROUP_CORRECTIONS.get(group) ?? group;
};
/** The archive as a package from its MANIFEST.MF and file name, with the order of evidence syft uses. */
function fromManifest(manifest, file, inside) {
    const evidence = [];
    const field = (key) => {
        const value = manifest.main.get(key) || manifest.sections.map((s) => s.get(key)).find(Boolean);
        return value || undefined;
    };
    const fromFile = splitArchiveName(file);
    const mf = `${inside}META-INF/MANIFEST.MF`;
    let name = '';
    // 1. The Apache Maven Bundle Plugin writes Bundle-SymbolicName as group + artifact.
    const symbolic = field('Bundle-SymbolicName');
    if (field('Created-By')?.includes('Apache Maven Bundle Plugin') &&
        symbolic &&
        symbolic !== field('Implementation-Vendor-Id')) {
        name = stripDirectives(symbolic).split('.').pop() ?? '';
        if (name)
            evidence.push(identity('name', name, 'manifest-analysis', `${mf} Bundle-SymbolicName`, 0.7));
    }
    // 2. The file name (`group.artifact-1.0.jar` counts as the artifact, Eclipse's dotted names excepted).
    if (!name && fromFile.name) {
        const fields = fromFile.name.split('.');
        name =
            fields.length > 1 &&
                !fromFile.name.startsWith('org.eclipse.') &&
                fields.every((f) => /^[\p{L}\p{Nl}\p{Sc}_]/u.test(f))
                ? fields[fields.length - 1]
                : fromFile.name;
        evidence.push(identity('name', name, 'filename', `file name ${file}`, 0.5));
    }
    // 3. The manifest's own name fields.
    if (!name) {
        const key = NAME_FIELDS.find((k) => manifest.main.get(k));
        if (key) {
            name = manifest.main.get(key);
            evidence.push(identity('name', name, 'manifest-analysis', `${mf} ${key}`, 0.5));
        }
    }
    if (!name)
        return undefined;
    let version = fromFile.version;
    if (version)
        evidence.push(identity('version', version, 'filename', `file name ${file}`, 0.5));
    else {
        const key = VERSION_FIELDS.find((k) => field(k));
        if (key) {
            version = field(key);
            evidence.push(identity('version', version, 'manifest-analysis', `${mf} ${key}`, 0.6));
        }
    }
    // As syft: a well-known artifact's group (Spring's Gradle-built jars have no pom.properties) before the manifest's.
    let group = KNOWN_GROUPS.get(name);
    if (group)
        evidence.push(identity('group', group, 'other', `syft's list of known artifact groups (${name})`, 0.5));
    for (const fields of group ? [] : [GROUP_FIELDS, SECONDARY_GROUP_FIELDS]) {
        const candidates = [];
        for (const key of fields) {
            for (const section of [manifest.main, ...manifest.sections]) {
                const value = section.get(key);
                if (value && REVERSE_DOMAIN.test(value))
                    candidates.push([cleanGroup(value), key]);
            }
        }
        // syft takes the alphabetically first candidate of the first group of fields that has any.
        candidates.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        const first = candidates[0];
        if (first) {
            group = first[0];
            evidence.push(identity('group', group, 'manifest-analysis', `${mf} ${first[1]}`, 0.3));
            break;
        }
    }
    if (!group) {
        // No group anywhere: syft uses the name, as Maven does for artifacts like junit:junit.
        group = name;
        evidence.push(identity('group', group, 'other', 'the name (no group in MANIFEST.MF)', 0.1));
    }
    const license = field('Bundle-License');
    return {
        record: {
            purlType: 'maven',
            namespace: group,
            name,
            version,
            license: license ? { expression: license, valid: false, source: inside ? mf : `${file}!/${mf}` } : undefined,
        },
        evidence,
    };
}
function identity(field, value, technique, source, confidence) {
    return { field, value, technique, source, confidence };
}
function openZip(data) {
    return new Promise((resolve, reject) => yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => error ? reject(new Error(`not a readable zip: ${error.message}`)) : resolve(zip)));
}
/** Every entry of the central directory (zip64 and data-descriptor entries included: yauzl reads both). */
function entriesOf(zip) {
    return new Promise((resolve, reject) => {
        const entries = [];
        zip.on('entry', (entry) => {
            entries.push(entry);
            zip.readEntry();
        });
        zip.once('end', () => resolve(entries));
        zip.once('error', (error) => reject(new Error(`not a readable zip: ${error.message}`)));
        zip.readEntry();
    });
}
/**
 * One entry's bytes, inflated up to `limit`: an entry that says it is larger, or inflates past
 * it, is refused (a zip bomb) without inflating the rest; one that inflates to more or fewer bytes
 * than it says, or fails its CRC, is refused by yauzl.
 */
const mib = (n) => `${Math.round(n / 1024 / 1024)} MiB`;
function readEntry(zip, entry, limit) {
    if (entry.isEncrypted())
        return Promise.reject(new Error('encrypted'));
    if (entry.uncompressedSize > limit)
        return Promise.reject(new Error(`inflates to ${mib(entry.uncompressedSize)}, over the ${mib(limit)} limit`));
    return new Promise((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => {
            if (error)
                return reject(error);
            const chunks = [];
            let size = 0;
            stream.on('data', (chunk) => {
                size += chunk.length;
                if (size > limit)
                    stream.destroy(new Error(`inflates past the ${mib(limit)} limit`));
                else
                    chunks.push(chunk);
            });
            stream.once('error', reject);
            stream.once('end', () => resolve(Buffer.concat(chunks)));
        });
    });
}
const GO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const ELF = Buffer.from('\x7fELF', 'latin1');
/**
 * The build info Go ≥ 1.18 embeds in every binary (what `go version -m` prints): a 32-byte header
 * starting "\xff Go buildinf:" whose flags byte says the two strings follow inline as varint-length
 * strings (the Go version, then the module info between 16-byte sentinels). Older binaries point
 * at the strings through the data segment instead; they are reported as unreadable, not guessed.
 */
function parseGoBuildInfo(data) {
    if (data.length < 64 || !data.subarray(0, 4).equals(ELF))
        return undefined;
    const at = data.indexOf(GO_MAGIC);
    if (at < 0)
        return undefined;
    const flags = data[at + 15] ?? 0;
    if ((flags & 0x2) === 0)
        return 'old-format';
    let p = at + 32;
    const read = () => {
        let length = 0;
        let shift = 0;
        for (;;) {
            const byte = data[p++];
            if (byte === undefined || shift > 28)
                return undefined;
            length |= (byte & 0x7f) << shift;
            shift += 7;
            if (byte < 0x80)
                break;
        }
        if (p + length > data.length)
            return undefined;
        const text = data.subarray(p, p + length).toString('utf8');
        p += length;
        return text;
    };
    const goVersion = read();
    const modRaw = read();
    if (!goVersion || modRaw === undefined)
        return undefined;
    const mod = modRaw.length >= 33 ? modRaw.slice(16, -16) : modRaw;
    const info = { goVersion, deps: [], settings: new Map() };
    let last;
    for (const line of mod.split('\n')) {
        const [kind, path, version, sum] = line.split('\t');
        if (kind === 'path' && path)
            info.path = path;
        else if (kind === 'build' && path) {
            const eq = path.indexOf('=');
            if (eq > 0)
                info.settings.set(path.slice(0, eq), unquoteSetting(path.slice(eq + 1)));
        }
        else if (kind === 'mod' && path)
            info.main = { path, version: version ?? '' };
        else if (kind === 'dep' && path) {
            last = { path, version: version ?? '' };
            info.deps.push({ ...last, sum });
        }
        else if (kind === '=>' && path && last) {
            // A replaced dependency: the replacement is what was built in.
            last.path = path;
            last.version = version ?? '';
            const entry = info.deps[info.deps.length - 1];
            if (entry)
                Object.assign(entry, { path, version: version ?? '', sum });
        }
    }
    return info;
}
/** Go writes a build setting's value quoted (strconv.Quote) when it holds spaces or quotes: `-ldflags="-s -X a=b"`. */
function unquoteSetting(value) {
    if (!value.startsWith('"'))
        return value;
    try {
        const text = JSON.parse(value);
        return typeof text === 'string' ? text : value;
    }
    catch {
        return value;
    }
}
/** syft's knownBuildFlagPatterns: `-X main.version=1.2.3`, `-X <module>/pkg.gitTag=v1.2.3`… */
const LDFLAGS_VERSION = [
    String.raw `\.[a-zA-Z0-9]*(?:[rR]elease)?(?:[gG]it)?(?:[bB]uild)?[vV]er(?:sion)?=(?:\S+\/)*(v?\d+.\d+.\d+[-\w]*)`,
    String.raw `\.[a-zA-Z0-9]*[tT]ag=(?:\S+\/)*(v?\d+.\d+.\d+[-\w]*)`,
];
/** The version `-ldflags -X` stamped into the main package or a package of the main module, `v`-prefixed as syft does. */
function ldflagsVersion(ldflags, mainModule) {
    if (!ldflags)
        return '';
    const owner = `(?:main|${mainModule.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}\\/\\S*)`;
    for (const pattern of LDFLAGS_VERSION) {
        const version = new RegExp(owner + pattern).exec(ldflags)?.[1];
        if (version)
            return version.startsWith('v') ? version : `v${version}`;
    }
    return '';
}
/**
 * The main module's version. Go before 1.24 writes `(devel)` for it; as syft does, a version
 * stamped with `-ldflags -X main.version=…` comes first, else a build from a VCS checkout gets the
 * pseudo-version of its commit (`v0.0.0-<vcs.time UTC>-<12 hex of vcs.revision>`), which names
 * exactly what was built. Otherwise no version (never a made-up one).
 */
function goMainVersion(info) {
    const version = info.main?.version ?? '';
    if (version !== '(devel)')
        return version;
    const stamped = ldflagsVersion(info.settings.get('-ldflags') ?? '', info.main?.path ?? '');
    if (stamped)
        return stamped;
    const revision = info.settings.get('vcs.revision');
    const time = Date.parse(info.settings.get('vcs.time') ?? '');
    if (!revision || !/^[0-9a-f]{12,}$/.test(revision) || Number.isNaN(time))
        return '';
    const stamp = new Date(time).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    return `v0.0.0-${stamp}-${revision.slice(0, 12)}`;
}
/** Go module path → purl namespace/name (`github.com/spf13/cobra` → `github.com/spf13` + `cobra`). */
function goRecord(path, version) {
    const slash = path.lastIndexOf('/');
    return {
        purlType: 'golang',
        namespace: slash > 0 ? path.slice(0, slash) : undefined,
        name: slash > 0 ? path.slice(slash + 1) : path,
        // `(devel)` is what Go writes for an unversioned main module: no version, never a made-up one.
        version: version === '(devel)' ? '' : version,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
;// CONCATENATED MODULE: ./actions/sbom/src/image/layers.ts







/** Files above this size are never read whole (a metadata file or jar of interest is far smaller). */
const MAX_PARSE = 512 * 1024 * 1024;
const MAX_KEEP = 64 * 1024 * 1024;
/**
 * Reads the layers in order into the final filesystem's view of the files of interest, applying
 * whiteouts as overlayfs does: `dir/.wh.name` deletes `name` (and all below it) from the lower
 * layers, `dir/.wh..wh..opq` empties `dir` of everything the lower layers put there. A file a later
 * layer deleted does not count. Each layer's uncompressed bytes must hash to its diff id.
 */
async function squash(layers, interest, what) {
    const files = new Map();
    const history = new Map();
    const unreadable = [];
    const remove = (target, layer) => {
        const prefix = `${target}/`;
        for (const [path, file] of files) {
            if (file.layer < layer && (path === target || path.startsWith(prefix))) {
                files.delete(path);
                history.get(path)?.push({ layer });
            }
        }
    };
    for (const [index, layer] of layers.entries()) {
        const tar = (0,tar_stream.extract)();
        const hash = (0,external_node_crypto_.createHash)('sha256');
        const opened = await layer.open();
        const plain = await decompressed(opened);
        const hashing = new external_node_stream_.Transform({
            transform(chunk, _enc, done) {
                hash.update(chunk);
                done(null, chunk);
            },
        });
        const reading = (async () => {
            for await (const entry of tar) {
                const header = entry.header;
                const path = normalise(header.name);
                const base = external_node_path_.posix.basename(path);
                const dir = external_node_path_.posix.dirname(path);
                if (base === '.wh..wh..opq') {
                    for (const [p, file] of files) {
                        if (file.layer < index && p.startsWith(dir === '/' ? '/' : `${dir}/`)) {
                            files.delete(p);
                            history.get(p)?.push({ layer: index });
                        }
                    }
                    entry.resume();
                    continue;
                }
                if (base.startsWith('.wh.')) {
                    remove(external_node_path_.posix.join(dir, base.slice(4)), index);
                    entry.resume();
                    continue;
                }
                // A file (or link) replacing a directory hides what was below it.
                if (header.type !== 'directory')
                    remove(path, index);
                if (header.type === 'symlink' && interest.keep(path)) {
                    files.set(path, { path, layer: index, link: header.linkname ?? '' });
                    entry.resume();
                    continue;
                }
                if (header.type === 'link' && header.linkname) {
                    const target = files.get(normalise(header.linkname));
                    if (target && (interest.keep(path) || interest.parse?.(path, header.mode ?? 0, header.size ?? 0))) {
                        files.set(path, { ...target, path, layer: index });
                    }
                    entry.resume();
                    continue;
                }
                if (header.type !== 'file' && header.type !== 'contiguous-file') {
                    entry.resume();
                    continue;
                }
                const size = header.size ?? 0;
                const parser = size <= MAX_PARSE ? interest.parse?.(path, header.mode ?? 0, size) : undefined;
                const keep = size <= MAX_KEEP && interest.keep(path);
                if (!parser && !keep) {
                    entry.resume();
                    continue;
                }
                const chunks = [];
                for await (const chunk of entry)
                    chunks.push(chunk);
                const data = Buffer.concat(chunks);
                const found = { path, layer: index };
                if (keep)
                    found.data = data;
                if (parser) {
                    try {
                        found.parsed = await parser(data);
                    }
                    catch (error) {
                        // One unreadable jar or binary is that file's problem, not the image's.
                        unreadable.push(`${path} (layer ${index + 1}): ${error.message}`);
                    }
                }
                if (found.data !== undefined || found.parsed !== undefined)
                    files.set(path, found);
                if (interest.history?.(path)) {
                    let list = history.get(path);
                    if (!list) {
                        list = [];
                        history.set(path, list);
                    }
                    list.push({ layer: index, data });
                }
            }
        })();
        try {
            await Promise.all([(0,promises_.pipeline)(plain, hashing, tar), reading]);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`${what}: layer ${index + 1} of ${layers.length} (${layer.describe}) cannot be read: ${error.message}. The image is incomplete or corrupt.`, { cause: error });
        }
        const actual = `sha256:${hash.digest('hex')}`;
        if (actual !== layer.diffId) {
            throw new errors/* ConfigurationError */.j1(`${what}: layer ${index + 1} (${layer.describe}) does not match the image config: its content hashes to ${actual}, the config says ${layer.diffId}. The image is corrupt.`);
        }
    }
    return { files, history, unreadable };
}
/** `./usr/lib/x`, `usr/lib/x/` → `/usr/lib/x`. */
function normalise(name) {
    const joined = external_node_path_.posix.normalize(`/${name}`);
    return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}
/** The stream decompressed by what its first bytes say it is. */
async function decompressed(stream) {
    const head = await new Promise((resolve, reject) => {
        const onReadable = () => {
            cleanup();
            resolve(stream.read());
        };
        const onEnd = () => {
            cleanup();
            resolve(null);
        };
        const onError = (error) => {
            cleanup();
            reject(error);
        };
        const cleanup = () => {
            stream.off('readable', onReadable);
            stream.off('end', onEnd);
            stream.off('error', onError);
        };
        stream.on('readable', onReadable);
        stream.on('end', onEnd);
        stream.on('error', onError);
    });
    const out = new external_node_stream_.PassThrough();
    if (head === null) {
        out.end();
        return out;
    }
    stream.unshift(head);
    if (head[0] === 0x1f && head[1] === 0x8b)
        return forward(stream, (0,external_node_zlib_.createGunzip)());
    if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd)
        return forward(stream, (0,external_node_zlib_.createZstdDecompress)());
    return forward(stream, out);
}
function forward(from, to) {
    from.on('error', (error) => to.destroy(error));
    return from.pipe(to);
}

// EXTERNAL MODULE: ./node_modules/spdx-correct/index.js
var spdx_correct = __webpack_require__(5728);
var spdx_correct_default = /*#__PURE__*/__webpack_require__.n(spdx_correct);
// EXTERNAL MODULE: ./actions/sbom/src/licenses/expression.ts
var expression = __webpack_require__(68);
;// CONCATENATED MODULE: ./actions/sbom/src/image/os.ts


function parseOsRelease(text, source) {
    const fields = {};
    for (const line of text.split(/\r?\n/)) {
        const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
        if (!m)
            continue;
        let value = m[2].trim();
        if (/^(["']).*\1$/.test(value))
            value = value.slice(1, -1).replace(/\\(["'\\$`])/g, '$1');
        fields[m[1]] = value;
    }
    if (!fields.ID)
        return undefined;
    return { id: fields.ID.toLowerCase(), versionId: fields.VERSION_ID, prettyName: fields.PRETTY_NAME, source };
}
function distroQualifier(distro) {
    if (!distro)
        return undefined;
    return distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
}
/** RFC 822-style stanzas (dpkg status, Debian copyright), with the line each starts on. */
function stanzas(text) {
    const out = [];
    let fields = new Map();
    let start = 1;
    let last;
    const lines = text.split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
        if (line.trim() === '') {
            if (fields.size > 0)
                out.push({ fields, line: start });
            fields = new Map();
            last = undefined;
            continue;
        }
        if (fields.size === 0)
            start = i + 1;
        if (/^\s/.test(line) && last) {
            fields.set(last, `${fields.get(last)}\n${line.trim()}`);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        last = line.slice(0, colon).trim().toLowerCase();
        fields.set(last, line.slice(colon + 1).trim());
    }
    if (fields.size > 0)
        out.push({ fields, line: start });
    return out;
}
/**
 * Dependency edges between installed packages, keyed by package key: each requirement goes to the
 * first alternative something installed is or provides. Requirements nothing installed satisfies
 * (a package's dependency removed by hand, a virtual package) are left out, never invented.
 */
function dependencyEdges(packages) {
    const byName = new Map();
    for (const p of packages)
        byName.set(p.record.name, p.key);
    for (const p of packages)
        for (const name of p.provides)
            if (!byName.has(name))
                byName.set(name, p.key);
    const edges = new Map();
    for (const p of packages) {
        const targets = new Set();
        for (const alternatives of p.depends) {
            const hit = alternatives.map((name) => byName.get(name)).find((key) => key !== undefined);
            if (hit && hit !== p.key)
                targets.add(hit);
        }
        if (targets.size > 0)
            edges.set(p.key, [...targets]);
    }
    return edges;
}
/** `libc6 (>= 2.34), libssl3 (>= 3.0.9) | libssl1.1, python3:any` → [[libc6], [libssl3, libssl1.1], [python3]]. */
function dpkgRelations(text) {
    if (!text)
        return [];
    return text
        .split(',')
        .map((group) => group
        .split('|')
        .map((alt) => alt.trim().split(/[\s(:[]/)[0])
        .filter(Boolean))
        .filter((group) => group.length > 0);
}
/** Installed packages of a dpkg status file (or a distroless status.d entry). */
function parseDpkgStatus(text, distro) {
    const out = [];
    const namespace = distro?.id ?? 'debian';
    for (const { fields, line } of stanzas(text)) {
        const name = fields.get('package');
        const version = fields.get('version');
        if (!name || !version)
            continue;
        const status = fields.get('status');
        // status.d entries have no Status: they list what is installed.
        if (status && !/\binstalled$/.test(status))
            continue;
        const arch = fields.get('architecture');
        const qualifiers = {};
        if (arch)
            qualifiers.arch = arch;
        const source = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(fields.get('source') ?? '');
        if (source && source[1] !== name)
            qualifiers.upstream = source[2] ? `${source[1]}@${source[2]}` : source[1];
        else if (source?.[2])
            qualifiers.upstream = `${name}@${source[2]}`;
        const distroName = distroQualifier(distro);
        if (distroName)
            qualifiers.distro = distroName;
        const maintainer = fields
            .get('maintainer')
            ?.replace(/\s*<[^>]*>\s*/g, '')
            .trim();
        out.push({
            record: { purlType: 'deb', namespace, name, version, qualifiers, supplier: maintainer || undefined },
            key: `${name} ${version} ${arch ?? ''}`,
            line,
            depends: [...dpkgRelations(fields.get('pre-depends')), ...dpkgRelations(fields.get('depends'))],
            provides: dpkgRelations(fields.get('provides')).flat(),
        });
    }
    return out;
}
/** Alpine's /lib/apk/db/installed: `P:` name, `V:` version, `A:` arch, `L:` license, `o:` origin. */
function parseApkInstalled(text, distro, source) {
    const out = [];
    let fields = new Map();
    let start = 1;
    const flush = () => {
        const name = fields.get('P');
        const version = fields.get('V');
        if (name && version) {
            const qualifiers = {};
            const arch = fields.get('A');
            if (arch)
                qualifiers.arch = arch;
            const origin = fields.get('o');
            if (origin && origin !== name)
                qualifiers.upstream = origin;
            const distroName = distroQualifier(distro);
            if (distroName)
                qualifiers.distro = distroName;
            const license = fields.get('L');
            const maintainer = fields
                .get('m')
                ?.replace(/\s*<[^>]*>\s*/g, '')
                .trim();
            out.push({
                record: {
                    purlType: 'apk',
                    namespace: distro?.id ?? 'alpine',
                    name,
                    version,
                    qualifiers,
                    supplier: maintainer || undefined,
                    license: license ? apkLicense(license, source) : undefined,
                },
                key: `${name} ${version} ${arch ?? ''}`,
                line: start,
                // `D:so:libc.musl-x86_64.so.1 busybox>=1.36 !conflict`: conflicts are not needs.
                depends: words(fields.get('D'))
                    .filter((d) => !d.startsWith('!'))
                    .map((d) => [d.split(/[<>=~]/)[0]]),
                provides: words(fields.get('p')).map((d) => d.split('=')[0]),
            });
        }
        fields = new Map();
    };
    for (const [i, line] of text.split(/\r?\n/).entries()) {
        if (line.trim() === '') {
            flush();
            continue;
        }
        if (fields.size === 0)
            start = i + 1;
        const m = /^([A-Za-z]):(.*)$/.exec(line);
        // Repeated keys (R:, F: file lists) keep the first; only the package's own fields are read.
        if (m && !fields.has(m[1]))
            fields.set(m[1], m[2].trim());
    }
    flush();
    return out;
}
function words(text) {
    return text ? text.split(/\s+/).filter(Boolean) : [];
}
/** apk writes `MIT AND BSD-2-Clause`, or space-separated ids (`MIT BSD GPL2+`) in older packages. */
function apkLicense(text, source) {
    if ((0,expression/* parseExpression */.YK)(text))
        return { expression: text, valid: false, source };
    const parts = text.split(/\s+/).filter(Boolean);
    const mapped = parts.map((p) => spdxId(p));
    if (mapped.every((m) => m !== undefined))
        return { expression: mapped.join(' AND '), valid: false, source };
    return { expression: text, valid: false, source };
}
/** Debian short names that are not SPDX ids or that spdx-correct reads differently. */
const DEBIAN_NAMES = {
    Expat: 'MIT',
    'GPL-1+': 'GPL-1.0-or-later',
    'GPL-2+': 'GPL-2.0-or-later',
    'GPL-3+': 'GPL-3.0-or-later',
    'LGPL-2+': 'LGPL-2.0-or-later',
    'LGPL-2.1+': 'LGPL-2.1-or-later',
    'LGPL-3+': 'LGPL-3.0-or-later',
    'GFDL-1.2+': 'GFDL-1.2-or-later',
    'GFDL-1.3+': 'GFDL-1.3-or-later',
    'AGPL-3+': 'AGPL-3.0-or-later',
    'MPL-2.0+': 'MPL-2.0',
    'Apache-2': 'Apache-2.0',
    'BSD-2-clause': 'BSD-2-Clause',
    'BSD-3-clause': 'BSD-3-Clause',
    'BSD-4-clause': 'BSD-4-Clause',
    Artistic: 'Artistic-1.0-Perl',
    'Artistic-1': 'Artistic-1.0',
    'Artistic-2': 'Artistic-2.0',
    'PSF-2': 'PSF-2.0',
    Zlib: 'Zlib',
};
/** One license name as an SPDX id, when the mapping is certain. */
function spdxId(name) {
    const known = DEBIAN_NAMES[name];
    if (known)
        return known;
    const ast = (0,expression/* parseExpression */.YK)(name);
    if (ast && !('conjunction' in ast))
        return (0,expression/* render */.XX)(ast);
    // `+` means "or later" in Debian and apk; spdx-correct would drop it.
    if (name.endsWith('+'))
        return undefined;
    const fixed = spdx_correct_default()(name);
    return fixed?.toLowerCase().startsWith(name.toLowerCase().slice(0, 3)) ? fixed : undefined;
}
/**
 * The licenses a machine-readable Debian copyright file states (`License:` of the header and Files
 * paragraphs), as one AND expression when every name maps to SPDX; the names as written otherwise.
 * A free-form copyright file (no `Format:` line) states nothing we can read: undefined.
 */
function dpkgCopyrightLicense(text, source) {
    const all = stanzas(text);
    const header = all[0]?.fields;
    if (!header?.get('format')?.includes('copyright-format'))
        return undefined;
    const names = [];
    for (const { fields } of all) {
        if (!fields.has('files') && fields !== header)
            continue;
        const first = fields.get('license')?.split('\n')[0]?.trim();
        if (first && !names.includes(first))
            names.push(first);
    }
    if (names.length === 0)
        return undefined;
    const expressions = [];
    let allMapped = true;
    for (const name of names) {
        // `GPL-2+ or Artistic`, `BSD-3-clause and MIT`: the words are Debian's operators.
        const pieces = name.split(/\s+(or|and)\s+/i);
        const out = [];
        for (const [i, piece] of pieces.entries()) {
            if (i % 2 === 1) {
                out.push(piece.toUpperCase());
                continue;
            }
            const id = spdxId(piece.replace(/,$/, '').trim());
            if (!id)
                allMapped = false;
            out.push(id ?? piece);
        }
        const text = out.join(' ');
        expressions.push(pieces.length > 1 && names.length > 1 ? `(${text})` : text);
    }
    const unique = [...new Set(expressions)].sort();
    return { expression: allMapped ? unique.join(' AND ') : names.join(' AND '), valid: false, source };
}

// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./shared/oci/reference.ts

const DOCKER_HUB = 'docker.io';
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
function parseReference(text) {
    const original = text.trim();
    const bad = (why) => new errors/* ConfigurationError */.j1(`Image reference "${original}" is not valid: ${why}`);
    if (original === '')
        throw bad('it is empty');
    let rest = original;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw bad(`"${digest}" is not a digest (algorithm:hex)`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw bad(`"${tag}" is not a tag`);
    }
    const parts = rest.split('/');
    let registry = DOCKER_HUB;
    const first = parts[0] ?? '';
    if (parts.length > 1 &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
        registry = first;
        parts.shift();
        if (!/^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?$/.test(registry))
            throw bad(`"${registry}" is not a registry host[:port]`);
    }
    if (registry === 'index.docker.io' || registry === 'registry-1.docker.io')
        registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && parts.length === 1)
        parts.unshift('library');
    for (const part of parts) {
        if (!PATH_COMPONENT.test(part))
            throw bad(`"${part}" is not a repository name component (lower-case letters, digits, . _ -)`);
    }
    if (!digest && !tag)
        tag = 'latest';
    return { registry, repository: parts.join('/'), tag, digest, original };
}
/** `registry/repository[:tag][@digest]`, Docker Hub written out in full. */
function formatReference(ref) {
    return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** The host the distribution API is served from (Docker Hub's differs from its name). */
function apiHost(registry) {
    return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}
/** Loopback registries speak plain HTTP (as Docker allows for them); everything else HTTPS. */
function isLoopback(registry) {
    const host = registry.startsWith('[') ? registry.slice(1, registry.indexOf(']')) : registry.replace(/:\d+$/, '');
    if (host === 'localhost' || host === '::1')
        return true;
    return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

;// CONCATENATED MODULE: ./shared/oci/client.ts








/**
 * A small client for the OCI distribution API (what `docker pull`/`push` speak): resolve a
 * reference to a digest, read manifests and indexes, stream blobs verified against their digest,
 * and push blobs and manifests. Auth is the registry's own challenge (Bearer token service as
 * Docker Hub, GHCR and `registry:2` with token auth do it, or Basic), with credentials given
 * explicitly or read from the Docker config's `auths`. Loopback registries use plain HTTP.
 */
const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
};
const ACCEPT = [MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList, MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest];
const DEFAULT_PLATFORM = { os: 'linux', architecture: 'amd64' };
function isIndex(mediaType) {
    return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList;
}
/** `linux/arm64/v8` → Platform. */
function parsePlatform(text) {
    const [os, architecture, variant] = text.trim().split('/');
    if (!os || !architecture)
        throw new ConfigurationError(`Platform "${text}" must be os/architecture[/variant], e.g. linux/amd64`);
    return { os, architecture, variant };
}
function formatPlatform(p) {
    return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
/** The variant an architecture has when none is written, as containerd normalises it (arm64 is v8, arm v7). */
const DEFAULT_VARIANT = { arm64: 'v8', arm: 'v7', amd64: 'v1' };
/** Same variant, counting an unwritten one as the architecture's default (linux/arm64 is linux/arm64/v8). */
function sameVariant(architecture, a, b) {
    return (a || DEFAULT_VARIANT[architecture]) === (b || DEFAULT_VARIANT[architecture]);
}
/**
 * The index entry for `platform`; attestation manifests never match. A missing variant in the
 * request matches any, preferring the architecture's default (linux/arm picks arm/v7 over arm/v6).
 */
function pickPlatform(index, platform, what) {
    const candidates = index.manifests.filter((m) => m.platform && m.platform.os !== 'unknown');
    const same = candidates.filter((m) => m.platform?.os === platform.os && m.platform.architecture === platform.architecture);
    const match = platform.variant
        ? same.find((m) => sameVariant(platform.architecture, m.platform?.variant, platform.variant))
        : (same.find((m) => sameVariant(platform.architecture, m.platform?.variant, undefined)) ?? same[0]);
    if (match)
        return match;
    // An index without platforms (as skopeo writes one image into an OCI layout) has one choice.
    if (candidates.length === 0 && index.manifests.length === 1)
        return index.manifests[0];
    // The index is the registry's text: each platform once, clipped, and at most a dozen of them named.
    const have = [...new Set(candidates.map((m) => formatPlatform(m.platform).slice(0, 80)))];
    const named = have.length > 12 ? `${have.slice(0, 12).join(', ')} and ${have.length - 12} more` : have.join(', ');
    throw new errors/* ConfigurationError */.j1(`${what} has no ${formatPlatform(platform)} image; it has ${named || 'no platform-tagged images'}`);
}
/** sha256/sha512 of `data` as an OCI digest. */
function digestOf(data, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(data).digest('hex')}`;
}
function checkDigest(digest) {
    const m = /^(sha256|sha512):([a-f0-9]+)$/.exec(digest);
    if (!m || (m[1] === 'sha256' && m[2]?.length !== 64) || (m[1] === 'sha512' && m[2]?.length !== 128))
        throw new errors/* ConfigurationError */.j1(`"${digest}" is not a sha256 or sha512 digest`);
    return { algorithm: m[1], hex: m[2] };
}
/** A pass-through stream that fails at its end when the bytes do not hash to `digest`. */
function verifying(digest, what) {
    const { algorithm } = checkDigest(digest);
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    return new external_node_stream_.Transform({
        transform(chunk, _enc, done) {
            hash.update(chunk);
            done(null, chunk);
        },
        flush(done) {
            const actual = `${algorithm}:${hash.digest('hex')}`;
            done(actual === digest
                ? null
                : new errors/* OperationError */.OK(`${what} does not match its digest: expected ${digest}, got ${actual}`));
        },
    });
}
/** Credentials for `registry` from a Docker config's `auths` (base64 `user:password`); undefined when none. */
function dockerConfigCredentials(registry, file) {
    // An empty DOCKER_CONFIG is unset, as the Docker CLI treats it.
    const path = file ?? (0,external_node_path_.join)(process.env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
    if (!(0,external_node_fs_.existsSync)(path))
        return undefined;
    let config;
    try {
        config = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Docker config ${path} is not valid JSON: ${error.message}`, {
            file: path,
        });
    }
    const keys = registry === DOCKER_HUB
        ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']
        : [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/`, `http://${registry}/`];
    for (const key of keys) {
        const entry = config.auths?.[key];
        if (!entry)
            continue;
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon < 0)
                throw new errors/* ConfigurationError */.j1(`Docker config ${path}: auths["${key}"].auth is not base64 of user:password`, {
                    file: path,
                });
            return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        }
        if (entry.username && entry.password)
            return { username: entry.username, password: entry.password };
    }
    return undefined;
}
/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters. */
function parseChallenge(header) {
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const params = {};
    const re = /([A-Za-z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (const m of (space < 0 ? '' : header.slice(space + 1)).matchAll(re)) {
        params[m[1].toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
    }
    return { scheme, params };
}
class RegistryClient {
    registry;
    base;
    credentials;
    timeoutMs;
    credentialsHint;
    /** Authorization header per scope, once a challenge has been answered. */
    authorization = new Map();
    constructor(registry, options = {}) {
        this.registry = registry;
        this.base = `${isLoopback(registry) ? 'http' : 'https'}://${apiHost(registry)}`;
        this.credentials = options.credentials ?? dockerConfigCredentials(registry, options.dockerConfig);
        // The password, and user:password, whose base64 is the Basic header and a Docker config's `auth`.
        if (this.credentials) {
            (0,secrets/* registerSecret */.cl)(this.credentials.password);
            (0,secrets/* registerSecret */.cl)(`${this.credentials.username}:${this.credentials.password}`);
        }
        this.timeoutMs = options.timeoutMs ?? 60_000;
        this.credentialsHint = options.credentialsHint ?? 'give a user name and password';
    }
    /** The digest the reference names now (an index's own digest for a multi-platform tag). */
    async resolve(ref) {
        if (ref.digest)
            return ref.digest;
        const response = await this.request(ref, 'HEAD', `/v2/${ref.repository}/manifests/${ref.tag}`, { Accept: ACCEPT.join(', ') }, 'pull');
        const header = response.headers.get('docker-content-digest');
        if (header)
            return header;
        const { raw } = await this.getRaw(ref);
        return digestOf(raw);
    }
    /** The image manifest for `platform` (linux/amd64 by default), through the index when the reference names one. */
    async getImage(ref, platform = DEFAULT_PLATFORM) {
        const first = await this.getRaw(ref);
        if (isIndex(first.mediaType)) {
            const index = first.json;
            const chosen = pickPlatform(index, platform, formatReference(ref));
            const second = await this.getRaw({ ...ref, digest: chosen.digest });
            if (isIndex(second.mediaType))
                throw new errors/* OperationError */.OK(`${formatReference(ref)}: nested indexes are not supported`);
            return {
                digest: chosen.digest,
                indexDigest: first.digest,
                mediaType: second.mediaType,
                manifest: second.json,
                platform: chosen.platform ?? platform,
            };
        }
        return {
            digest: first.digest,
            mediaType: first.mediaType,
            manifest: first.json,
            platform,
        };
    }
    /** A manifest or index as stored, verified against the digest when the reference has one. */
    async getRaw(ref) {
        return (await this.readManifest(ref, false));
    }
    /** As `getRaw`, but undefined when the registry has no manifest under that tag or digest (HTTP 404). */
    async findRaw(ref) {
        return this.readManifest(ref, true);
    }
    async readManifest(ref, allow404) {
        const reference = ref.digest ?? ref.tag ?? 'latest';
        const response = await this.request(ref, 'GET', `/v2/${ref.repository}/manifests/${reference}`, { Accept: ACCEPT.join(', ') }, 'pull', { allow404 });
        if (response.status === 404) {
            await response.body?.cancel();
            return undefined;
        }
        let raw;
        try {
            raw = Buffer.from(await response.arrayBuffer());
        }
        catch (error) {
            // Headers came, the body did not: fetch says only "terminated" or "aborted due to timeout".
            const cause = error.cause;
            throw new errors/* OperationError */.OK(error.name === 'TimeoutError'
                ? `Registry ${this.registry} stopped sending the manifest of ${formatReference(ref)}: the answer did not finish within ${this.timeoutMs / 1000} s`
                : `Registry ${this.registry} broke off the manifest of ${formatReference(ref)} (${cause?.code ?? cause?.message ?? error.message})`, { cause: error });
        }
        const digest = ref.digest ? ref.digest : (response.headers.get('docker-content-digest') ?? digestOf(raw));
        const actual = digestOf(raw, checkDigest(digest).algorithm);
        if (actual !== digest)
            throw new errors/* OperationError */.OK(`The manifest of ${formatReference(ref)} does not match its digest: expected ${digest}, got ${actual}`);
        let json;
        try {
            json = JSON.parse(raw.toString('utf8'));
        }
        catch {
            throw new errors/* OperationError */.OK(`The manifest of ${formatReference(ref)} is not JSON`);
        }
        const mediaType = String(json.mediaType ?? response.headers.get('content-type')?.split(';')[0] ?? MEDIA_TYPES.ociManifest);
        return { raw, digest, mediaType, json };
    }
    /** A whole blob, verified. For layers use `blobStream`. */
    async fetchBlob(ref, digest) {
        const chunks = [];
        for await (const chunk of await this.blobStream(ref, digest))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    /**
     * A blob as a stream that errors at its end if the bytes do not match `digest`. A layer takes as
     * long as it takes, but the registry must answer, and then send some bytes, within the timeout:
     * one that stalls fails the run instead of hanging it.
     */
    async blobStream(ref, digest) {
        checkDigest(digest);
        const controller = new AbortController();
        const stalled = () => new DOMException(`no bytes of blob ${digest} for ${this.timeoutMs / 1000} s`, 'TimeoutError');
        let timer = setTimeout(() => controller.abort(stalled()), this.timeoutMs);
        let response;
        try {
            response = await this.request(ref, 'GET', `/v2/${ref.repository}/blobs/${digest}`, {}, 'pull', {
                signal: controller.signal,
            });
        }
        finally {
            clearTimeout(timer);
        }
        if (!response.body)
            throw new errors/* OperationError */.OK(`The registry sent no body for blob ${digest}`);
        const body = external_node_stream_.Readable.fromWeb(response.body);
        const check = verifying(digest, `Blob ${digest} of ${formatReference(ref)}`);
        const arm = () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                // A slow reader (backpressure) is not a stalled registry.
                if (check.writableNeedDrain)
                    return arm();
                controller.abort(stalled());
                check.destroy(new errors/* OperationError */.OK(`Registry ${this.registry} stopped sending blob ${digest} of ${formatReference(ref)}: ${stalled().message}`));
            }, this.timeoutMs);
        };
        arm();
        body.on('data', arm);
        check.on('close', () => clearTimeout(timer));
        body.on('error', (error) => check.destroy(error));
        return body.pipe(check);
    }
    /** Uploads a blob (monolithic POST + PUT), skipped when the registry already has it. Returns its digest. */
    async pushBlob(ref, data) {
        const digest = digestOf(data);
        const head = await this.request(ref, 'HEAD', `/v2/${ref.repository}/blobs/${digest}`, {}, 'push', {
            allow404: true,
        });
        if (head.status === 200)
            return digest;
        const start = await this.request(ref, 'POST', `/v2/${ref.repository}/blobs/uploads/`, {}, 'push');
        const location = start.headers.get('location');
        if (!location)
            throw new errors/* OperationError */.OK(`${this.registry} started an upload without a Location`);
        const url = new URL(location, this.base);
        url.searchParams.set('digest', digest);
        await this.request(ref, 'PUT', url.toString(), { 'Content-Type': 'application/octet-stream' }, 'push', { data });
        return digest;
    }
    /** Puts a manifest under a tag or its digest. Returns its digest. */
    async pushManifest(ref, reference, body, mediaType) {
        const digest = digestOf(body);
        await this.request(ref, 'PUT', `/v2/${ref.repository}/manifests/${reference}`, { 'Content-Type': mediaType }, 'push', { data: body });
        return digest;
    }
    async request(ref, method, path, headers, action, options = {}) {
        const scope = `repository:${ref.repository}:${action === 'push' ? 'pull,push' : 'pull'}`;
        const url = path.startsWith('http') ? path : `${this.base}${path}`;
        const send = async () => {
            const auth = this.authorization.get(scope);
            try {
                return await fetch(url, {
                    method,
                    headers: { ...headers, ...(auth ? { Authorization: auth } : {}) },
                    body: options.data,
                    redirect: 'follow',
                    // Blob bodies are timed by blobStream, per chunk.
                    signal: options.signal ?? AbortSignal.timeout(this.timeoutMs),
                });
            }
            catch (error) {
                if (error.name === 'TimeoutError')
                    throw new errors/* OperationError */.OK(`Registry ${this.registry} did not answer ${method} ${formatReference(ref)} within ${this.timeoutMs / 1000} s (${this.base})`, { cause: error });
                const cause = error.cause;
                throw new errors/* ConfigurationError */.j1(`Registry ${this.registry} is unreachable for ${formatReference(ref)} (${this.base}): ${cause?.code ?? cause?.message ?? error.message}`, { cause: error });
            }
        };
        let response = await send();
        if (response.status === 401 && !this.authorization.has(scope)) {
            const challenge = response.headers.get('www-authenticate');
            await response.body?.cancel();
            if (challenge) {
                await this.answer(ref, parseChallenge(challenge), scope);
                response = await send();
            }
        }
        if (response.ok || (options.allow404 && response.status === 404))
            return response;
        const text = method === 'HEAD' ? '' : await response.text().catch(() => '');
        const code = /"code"\s*:\s*"([A-Z_]+)"/.exec(text)?.[1];
        const what = `${formatReference(ref)}${path.includes('/blobs/') ? ` (blob ${path.split('/blobs/')[1]})` : ''}`;
        if (response.status === 401 || response.status === 403) {
            throw new errors/* ConfigurationError */.j1(this.credentials
                ? `Registry ${this.registry} rejected the credentials for ${what} (HTTP ${response.status}${code ? ` ${code}` : ''}): check the user name and password or token, and its ${action} permission`
                : `Registry ${this.registry} needs credentials for ${what} (HTTP ${response.status}${code ? ` ${code}` : ''}): run docker login ${this.registry} (auths in ~/.docker/config.json) or ${this.credentialsHint}`);
        }
        if (response.status === 404) {
            throw new errors/* ConfigurationError */.j1(`${what} was not found in registry ${this.registry} (HTTP 404${code ? ` ${code}` : ''})`);
        }
        throw new errors/* OperationError */.OK(`Registry ${this.registry} answered HTTP ${response.status}${code ? ` ${code}` : ''} for ${method} ${what}`);
    }
    /** Answers a 401 challenge: Basic sends the credentials; Bearer trades them (or nothing) for a token. */
    async answer(ref, challenge, scope) {
        const basic = this.credentials
            ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`
            : undefined;
        if (challenge.scheme === 'basic') {
            if (basic)
                this.authorization.set(scope, basic);
            return;
        }
        if (challenge.scheme !== 'bearer' || !challenge.params.realm)
            return;
        const url = new URL(challenge.params.realm);
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        url.searchParams.set('scope', challenge.params.scope && !scope.endsWith(',push') ? challenge.params.scope : scope);
        let response;
        try {
            response = await fetch(url, {
                headers: basic ? { Authorization: basic } : {},
                signal: AbortSignal.timeout(this.timeoutMs),
            });
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`Token service ${url.origin} of registry ${this.registry} is unreachable for ${formatReference(ref)}: ${error.message}`);
        }
        if (!response.ok) {
            throw new errors/* ConfigurationError */.j1(`Token service ${url.origin} refused ${formatReference(ref)} (HTTP ${response.status})${this.credentials ? ': the credentials were rejected' : ': credentials are needed (docker login)'}`);
        }
        // A proxy's or captive portal's HTML page instead of the token JSON is "no token", said as such.
        const body = (await response.json().catch(() => ({})));
        const token = body.token ?? body.access_token;
        if (typeof token !== 'string' || token === '')
            throw new errors/* OperationError */.OK(`Token service ${url.origin} of registry ${this.registry} returned no token`);
        (0,secrets/* registerSecret */.cl)(token);
        this.authorization.set(scope, `Bearer ${token}`);
    }
}

;// CONCATENATED MODULE: ./shared/oci/index.ts



;// CONCATENATED MODULE: ./actions/sbom/src/image/sources.ts










const SCHEMES = ['docker', 'registry', 'oci-dir', 'docker-archive'];
/**
 * `image` in syft's spelling: `docker:NAME`, `registry:REF`, `oci-dir:PATH`, `docker-archive:PATH`,
 * or a bare `NAME[:TAG|@DIGEST]` (the Docker daemon when it has the image, else the registry).
 */
function parseImageInput(text) {
    const m = /^([a-z][a-z-]*):(?!\d+(?:\/|$))(.*)$/.exec(text.trim());
    if (m && !(m[2] ?? '').startsWith('//')) {
        const scheme = m[1];
        if (SCHEMES.includes(scheme))
            return { scheme: scheme, value: m[2].trim() };
        // `name:tag` has no slash after the colon either: only a known scheme name, or something that
        // cannot be a tag, is taken as a scheme.
        const value = m[2];
        if (/^(oci|dir|file|podman|containerd|singularity|oci-archive|docker-daemon)$/.test(scheme) ||
            /[/\s]/.test(value) ||
            value === '') {
            throw new errors/* ConfigurationError */.j1(`Input image: unknown source scheme "${scheme}:"; use one of ${SCHEMES.map((s) => `${s}:`).join(', ')} or a bare image reference`, { input: 'image' });
        }
    }
    return { value: text.trim() };
}
/**
 * The platform Docker pulls by default on this runner: linux and the runner's CPU (linux/amd64 on
 * x64, linux/arm64 on arm64), whatever the runner's own OS, as Docker Desktop does.
 */
function runnerPlatform(arch = process.arch) {
    const map = {
        x64: { os: 'linux', architecture: 'amd64' },
        arm64: { os: 'linux', architecture: 'arm64' },
        arm: { os: 'linux', architecture: 'arm', variant: 'v7' },
        ia32: { os: 'linux', architecture: '386' },
        ppc64: { os: 'linux', architecture: 'ppc64le' },
    };
    return map[arch] ?? { os: 'linux', architecture: arch };
}
/**
 * Opens the image. From a multi-platform index (OCI image index, Docker manifest list) the image
 * for the platform asked for, else the runner's; a platform the index lacks is a ConfigurationError
 * listing the ones it has. A single-platform image is read as it is unless a platform was asked
 * for and its config says another one: then, as syft does with --platform, it is an error.
 */
async function openImage(text, options) {
    const opened = await openAny(text, options);
    const asked = options.platform;
    if (asked && !opened.fromIndex && !platformMatches(opened.config, asked)) {
        opened.cleanup();
        throw new errors/* ConfigurationError */.j1(`${opened.scheme}:${opened.name} is a single-platform image for ${platformOf(opened.config)}, not ${formatPlatform(asked)} (input platform); leave platform empty to read it as it is, or name an image built for ${formatPlatform(asked)}`, { input: 'platform' });
    }
    const wanted = asked ?? runnerPlatform();
    if (opened.fromIndex && !platformMatches(opened.config, { os: wanted.os, architecture: wanted.architecture }))
        // As Docker does for such images: read what the index points at, and say the two disagree.
        actions_core/* warning */.$e(`${opened.scheme}:${opened.name}: the index lists this image for ${formatPlatform(wanted)} but its config says ${platformOf(opened.config)}; the SBOM records ${platformOf(opened.config)}. The index or the image build is wrong.`);
    return opened;
}
function platformMatches(config, asked) {
    return ((config.os ?? 'linux') === asked.os &&
        config.architecture === asked.architecture &&
        // A config without a variant does not contradict one asked for (stereoscope does the same).
        (!asked.variant || !config.variant || sameVariant(asked.architecture, config.variant, asked.variant)));
}
async function openAny(text, options) {
    const { scheme, value } = parseImageInput(text);
    if (value === '')
        throw new errors/* ConfigurationError */.j1(`Input image "${text}" names no image`, { input: 'image' });
    switch (scheme) {
        case 'docker-archive':
            return openDockerArchive((0,external_node_path_.resolve)(options.cwd, value), value);
        case 'oci-dir':
            return openOciDir((0,external_node_path_.resolve)(options.cwd, value), value, options);
        case 'registry':
            return openRegistry(parseReference(value), options);
        case 'docker': {
            const opened = await fromDaemon(value);
            if (!opened)
                throw new errors/* ConfigurationError */.j1(`docker:${value}: the Docker daemon has no image ${value} (${daemonProblem}); pull it first, or use registry:${value} to read it from its registry without a daemon`, { input: 'image' });
            return opened;
        }
        default: {
            const reference = parseReference(value);
            const local = await fromDaemon(value);
            // The daemon's copy is for another platform than the one asked for: the registry may have it.
            if (local && options.platform && !platformMatches(local.config, options.platform)) {
                actions_core/* info */.pq(`The Docker daemon's ${value} is ${platformOf(local.config)}; reading ${formatPlatform(options.platform)} from its registry`);
                local.cleanup();
                return openRegistry(reference, options);
            }
            return local ?? openRegistry(reference, options);
        }
    }
}
/** `docker save` of the image into a temporary archive, read as `docker-archive:`; undefined when the daemon lacks it. */
/** Why the daemon had nothing for the last name asked (no such image, no daemon, no docker CLI). */
let daemonProblem = '';
async function fromDaemon(name) {
    let inspect;
    try {
        inspect = await (0,exec/* exec */.m0)('docker', ['image', 'inspect', '--format', '{{json .}}', name], {
            quiet: true,
            ignoreReturnCode: true,
            timeoutMs: 60_000,
        });
    }
    catch (error) {
        // No docker CLI: a bare name goes to the registry; docker: says why it cannot.
        daemonProblem = error.message;
        actions_core/* debug */.Yz(`docker is not usable: ${daemonProblem}`);
        return undefined;
    }
    if (inspect.exitCode !== 0) {
        daemonProblem = inspect.stderr.trim().split('\n')[0] || `docker image inspect exited with ${inspect.exitCode}`;
        return undefined;
    }
    const info = JSON.parse(inspect.stdout);
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'paved-sbom-image-'));
    try {
        const archive = (0,external_node_path_.join)(dir, 'image.tar');
        const saved = await (0,exec/* exec */.m0)('docker', ['save', '-o', archive, name], {
            quiet: true,
            ignoreReturnCode: true,
            timeoutMs: 30 * 60_000,
        });
        if (saved.exitCode !== 0)
            throw new errors/* OperationError */.OK(`docker save ${name} failed: ${saved.stderr.trim()}`);
        const opened = await openDockerArchive(archive, name);
        const reference = parseReference(name);
        const pushed = info.RepoDigests?.map((d) => d.split('@')[1]).find(Boolean);
        const inner = opened.cleanup;
        return {
            ...opened,
            scheme: 'docker',
            name,
            reference,
            digest: reference.digest ?? pushed ?? opened.digest,
            cleanup: () => {
                inner();
                (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
            },
        };
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        throw error;
    }
}
async function openRegistry(reference, options) {
    const client = new RegistryClient(reference.registry, { dockerConfig: options.dockerConfig });
    const image = await client.getImage(reference, options.platform ?? runnerPlatform());
    const configBytes = await client.fetchBlob(reference, image.manifest.config.digest);
    const config = parseJson(configBytes, `the config of ${formatReference(reference)}`);
    const diffIds = checkLayers(config, image.manifest, formatReference(reference));
    return {
        scheme: 'registry',
        name: formatReference(reference),
        reference,
        digest: image.indexDigest ?? image.digest,
        imageId: image.manifest.config.digest,
        config,
        fromIndex: image.indexDigest !== undefined,
        layers: image.manifest.layers.map((layer, i) => ({
            diffId: diffIds[i],
            describe: layer.digest,
            open: () => client.blobStream(reference, layer.digest),
        })),
        cleanup: () => { },
    };
}
/** An OCI image layout directory (`skopeo copy … oci:DIR`, `docker buildx --output type=oci,tar=false`). */
function openOciDir(dir, shown, options) {
    const what = `oci-dir:${shown}`;
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'index.json'))) {
        throw new errors/* ConfigurationError */.j1(`${what}: ${(0,external_node_fs_.existsSync)(dir) ? 'no index.json there, so it is not an OCI image layout' : 'no such directory'}`, { input: 'image' });
    }
    return fromLayout(dir, what, shown, 'oci-dir', options, () => { });
}
function fromLayout(dir, what, name, scheme, options, cleanup) {
    const blob = (digest) => {
        const [alg, hex] = digest.split(':');
        const path = (0,external_node_path_.join)(dir, 'blobs', alg ?? '', hex ?? '');
        if (!hex || !(0,external_node_fs_.existsSync)(path))
            throw new errors/* ConfigurationError */.j1(`${what}: blob ${digest} is missing from the layout`, { input: 'image' });
        return path;
    };
    const verified = (descriptor) => {
        const bytes = (0,external_node_fs_.readFileSync)(blob(descriptor.digest));
        if (digestOf(bytes, descriptor.digest.split(':')[0]) !== descriptor.digest)
            throw new errors/* ConfigurationError */.j1(`${what}: blob ${descriptor.digest} does not match its digest; the layout is corrupt`, { input: 'image' });
        return bytes;
    };
    const index = parseJson((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'index.json')), `${what}/index.json`);
    if (!Array.isArray(index.manifests) || index.manifests.length === 0)
        throw new errors/* ConfigurationError */.j1(`${what}: index.json lists no manifests`, { input: 'image' });
    const platform = options.platform ?? runnerPlatform();
    const single = index.manifests.length === 1;
    let descriptor = single ? index.manifests[0] : pickPlatform(index, platform, what);
    let fromIndex = !single;
    let indexDigest;
    if (isIndex(descriptor.mediaType)) {
        indexDigest = descriptor.digest;
        fromIndex = true;
        descriptor = pickPlatform(parseJson(verified(descriptor), `${what} index ${descriptor.digest}`), platform, what);
    }
    const manifest = parseJson(verified(descriptor), `${what} manifest ${descriptor.digest}`);
    const config = parseJson(verified(manifest.config), `${what} config`);
    const diffIds = checkLayers(config, manifest, what);
    const refName = descriptor.annotations?.['org.opencontainers.image.ref.name'];
    return {
        scheme,
        name: refName && scheme === 'oci-dir' ? `${name}:${refName}` : name,
        digest: indexDigest ?? descriptor.digest,
        imageId: manifest.config.digest,
        config,
        fromIndex,
        layers: manifest.layers.map((layer, i) => ({
            diffId: diffIds[i],
            describe: layer.digest,
            open: async () => {
                const check = verifying(layer.digest, `${what} layer ${layer.digest}`);
                return (0,external_node_fs_.createReadStream)(blob(layer.digest)).pipe(check);
            },
        })),
        cleanup,
    };
}
/** A `docker save` tarball: unpacked to a temporary directory, then read by its manifest.json. */
async function openDockerArchive(path, shown) {
    const what = `docker-archive:${shown}`;
    if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isFile())
        throw new errors/* ConfigurationError */.j1(`${what}: no such file`, { input: 'image' });
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'paved-sbom-archive-'));
    const cleanup = () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    try {
        await unpack(path, dir, what);
        const manifestPath = (0,external_node_path_.join)(dir, 'manifest.json');
        if (!(0,external_node_fs_.existsSync)(manifestPath))
            throw new errors/* ConfigurationError */.j1(`${what}: no manifest.json in the archive, so it is not a docker save archive`, {
                input: 'image',
            });
        const entries = parseJson((0,external_node_fs_.readFileSync)(manifestPath), `${what}/manifest.json`);
        const entry = entries[0];
        if (!entry || typeof entry.Config !== 'string' || !Array.isArray(entry.Layers))
            throw new errors/* ConfigurationError */.j1(`${what}: manifest.json lists no image`, { input: 'image' });
        const inside = (p) => {
            const full = (0,external_node_path_.resolve)(dir, p);
            if (!full.startsWith(`${dir}/`) || !(0,external_node_fs_.existsSync)(full))
                throw new errors/* ConfigurationError */.j1(`${what}: ${p}, named by manifest.json, is missing from the archive`, {
                    input: 'image',
                });
            return full;
        };
        const configBytes = (0,external_node_fs_.readFileSync)(inside(entry.Config));
        const config = parseJson(configBytes, `${what} config`);
        const diffIds = config.rootfs?.diff_ids ?? [];
        if (diffIds.length !== entry.Layers.length)
            throw new errors/* ConfigurationError */.j1(`${what}: the config lists ${diffIds.length} layers, manifest.json ${entry.Layers.length}`, { input: 'image' });
        // Docker 25+ also writes an OCI layout in the archive: its index names the manifest digest.
        let digest;
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'index.json'))) {
            const index = parseJson((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'index.json')), `${what}/index.json`);
            digest = index.manifests?.[0]?.digest;
        }
        const tag = entry.RepoTags?.[0];
        return {
            scheme: 'docker-archive',
            name: tag ?? shown,
            reference: tag ? parseReference(tag) : undefined,
            digest,
            imageId: digestOf(configBytes),
            config,
            layers: entry.Layers.map((layer, i) => ({
                diffId: diffIds[i],
                describe: layer,
                open: async () => (0,external_node_fs_.createReadStream)(inside(layer)),
            })),
            cleanup,
        };
    }
    catch (error) {
        cleanup();
        throw error;
    }
}
async function unpack(archive, dir, what) {
    const tar = (0,tar_stream.extract)();
    const writing = (async () => {
        for await (const entry of tar) {
            const name = entry.header.name;
            const target = (0,external_node_path_.resolve)(dir, name);
            if (!target.startsWith(`${dir}/`) || entry.header.type !== 'file') {
                if (entry.header.type === 'directory' && target.startsWith(`${dir}/`))
                    (0,external_node_fs_.mkdirSync)(target, { recursive: true });
                entry.resume();
                continue;
            }
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
            await (0,promises_.pipeline)(entry, (0,external_node_fs_.createWriteStream)(target));
        }
    })();
    try {
        await Promise.all([(0,promises_.pipeline)((0,external_node_fs_.createReadStream)(archive), tar), writing]);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${what} is not a complete tar archive (${error.message}); was it cut short?`, { input: 'image', cause: error });
    }
}
function checkLayers(config, manifest, what) {
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (!Array.isArray(manifest.layers) || diffIds.length !== manifest.layers.length)
        throw new errors/* ConfigurationError */.j1(`${what}: the manifest has ${manifest.layers?.length ?? 0} layers, the config ${diffIds.length} diff ids`, { input: 'image' });
    return diffIds;
}
function parseJson(bytes, what) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${what} is not valid JSON: ${error.message}`, { input: 'image' });
    }
}
function platformOf(config) {
    return formatPlatform({
        os: config.os ?? 'linux',
        architecture: config.architecture ?? 'unknown',
        variant: config.variant,
    });
}

;// CONCATENATED MODULE: ./actions/sbom/src/image/index.ts
// Container image sources (issue 18): built by a separate engineer in parallel with the sbom owner;
// do not start another implementation here.











const OS_RELEASE = ['/etc/os-release', '/usr/lib/os-release'];
const DPKG_STATUS = '/var/lib/dpkg/status';
const DPKG_STATUS_D = /^\/var\/lib\/dpkg\/status\.d\/[^/]+$/;
const APK_INSTALLED = ['/lib/apk/db/installed', '/usr/lib/apk/db/installed'];
const RPM_DB = /^\/(?:var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/(?:Packages|Packages\.db|rpmdb\.sqlite)$/;
const COPYRIGHT = /^\/usr\/share\/doc\/[^/]+\/copyright$/;
/** Opens the image from whichever source the input names and catalogs what its final filesystem holds. */
async function scanImage(input, options) {
    const opened = await openImage(input, { cwd: options.cwd, platform: options.platform });
    try {
        actions_core/* info */.pq(`${opened.scheme}: ${opened.name} (${platformOf(opened.config)}, ${opened.layers.length} layer${opened.layers.length === 1 ? '' : 's'}${opened.digest ? `, ${opened.digest}` : ''})`);
        const squashed = await squash(opened.layers, INTEREST, `${opened.scheme}:${opened.name}`);
        return await catalog(opened, squashed, options);
    }
    finally {
        opened.cleanup();
    }
}
const INTEREST = {
    keep: (path) => OS_RELEASE.includes(path) ||
        path === DPKG_STATUS ||
        DPKG_STATUS_D.test(path) ||
        APK_INSTALLED.includes(path) ||
        RPM_DB.test(path) ||
        COPYRIGHT.test(path) ||
        NODE_PACKAGE.test(path) ||
        PYTHON_METADATA.test(path),
    parse(path, mode, size) {
        if (JAVA_ARCHIVE.test(path))
            return (data) => parseJar(data, path);
        // Go binaries: executables large enough to be one (the smallest is over a megabyte).
        if ((mode & 0o111) !== 0 && size > 64 * 1024)
            return (data) => parseGoBuildInfo(data);
        return undefined;
    },
    history: (path) => path === DPKG_STATUS || DPKG_STATUS_D.test(path) || APK_INSTALLED.includes(path),
};
async function catalog(opened, squashed, options) {
    const { files } = squashed;
    const diffIds = opened.layers.map((l) => l.diffId);
    const distro = findDistro(files);
    const graphs = [];
    const locations = new Map();
    const evidence = new Map();
    const inferred = new Map();
    const pending = [];
    const graphFor = (file, format) => {
        const graph = {
            ecosystem: 'image',
            file,
            format,
            packages: new Map(),
            edges: new Map(),
            direct: new Map(),
            warnings: [],
        };
        const where = new Map();
        graphs.push(graph);
        pending.push({ graph, where });
        return {
            graph,
            add(id, record, layer, path) {
                if (graph.packages.has(id))
                    return;
                graph.packages.set(id, record);
                graph.direct.set(id, 'prod');
                where.set(id, { layer, path });
            },
        };
    };
    // OS packages, each attributed to the first layer of the run of layers that list it unchanged up to the top.
    // dpkg: the status file, and distroless's one-stanza-per-package status.d (read as one database).
    const statusD = [...files.keys()].filter((p) => DPKG_STATUS_D.test(p) && !p.endsWith('.md5sums')).sort();
    const dpkgDatabases = [
        [DPKG_STATUS, files.has(DPKG_STATUS) ? [DPKG_STATUS] : []],
        ['/var/lib/dpkg/status.d', statusD],
    ];
    for (const [name, paths] of dpkgDatabases) {
        if (paths.length === 0)
            continue;
        const db = graphFor(name, 'dpkg');
        const all = [];
        for (const path of paths) {
            const file = files.get(path);
            if (!file.data)
                continue;
            const packages = parseDpkgStatus(file.data.toString('utf8'), distro);
            const introduced = introducedIn(squashed, path, (text) => parseDpkgStatus(text, distro));
            for (const p of packages) {
                const copyright = files.get(`/usr/share/doc/${p.record.name.replace(/:.*$/, '')}/copyright`);
                if (copyright?.data)
                    p.record.license = dpkgCopyrightLicense(copyright.data.toString('utf8'), copyright.path);
                db.add(p.key, p.record, introduced.get(p.key) ?? file.layer, path);
            }
            all.push(...packages);
        }
        addEdges(db.graph, all);
        if (all.length === 0)
            db.graph.warnings.push({ message: `${name} lists no installed packages`, file: name });
    }
    for (const path of APK_INSTALLED) {
        const file = files.get(path);
        if (!file?.data)
            continue;
        const db = graphFor(path, 'apk');
        const introduced = introducedIn(squashed, path, (text) => parseApkInstalled(text, distro, path));
        const packages = parseApkInstalled(file.data.toString('utf8'), distro, path);
        for (const p of packages)
            db.add(p.key, p.record, introduced.get(p.key) ?? file.layer, path);
        addEdges(db.graph, packages);
    }
    const rpmDb = [...files.values()].filter((f) => RPM_DB.test(f.path));
    if (rpmDb.length > 0)
        await catalogRpm(rpmDb, distro, graphFor);
    // Language packages, each from the file that declares it.
    const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    let npm;
    let python;
    let java;
    let go;
    for (const file of sorted) {
        if (file.data && NODE_PACKAGE.test(file.path)) {
            const record = parseNodePackage(file.data, file.path);
            if (!record)
                continue;
            npm ??= graphFor('node_modules/**/package.json', 'installed npm packages');
            npm.add(file.path, record, file.layer, file.path);
        }
        else if (file.data && PYTHON_METADATA.test(file.path)) {
            const record = parsePythonMetadata(file.data, file.path);
            if (!record)
                continue;
            python ??= graphFor('site-packages/*.dist-info', 'installed Python distributions');
            python.add(file.path, record, file.layer, file.path);
        }
        else if (JAVA_ARCHIVE.test(file.path) && file.parsed) {
            const jar = file.parsed;
            if (jar.packages.length > 0 || jar.problems.length > 0)
                java ??= graphFor('**/*.jar (pom.properties, MANIFEST.MF)', 'java archives');
            for (const [i, found] of jar.packages.entries()) {
                java?.add(`${file.path}#${i}`, found.record, file.layer, file.path);
                if (found.evidence)
                    inferred.set(`${file.path}#${i}`, found.evidence);
            }
            for (const problem of jar.problems.slice(0, 5))
                java?.graph.warnings.push({
                    message: `Could not read ${problem} in ${file.path} (layer ${file.layer + 1}); the packages in it are not listed`,
                    file: file.path,
                });
            // Say how many more, so a jar of a thousand broken entries is five warnings and a count, not silence.
            if (jar.problems.length > 5)
                java?.graph.warnings.push({
                    message: `Could not read ${jar.problems.length - 5} more entries in ${file.path} (layer ${file.layer + 1}); the packages in them are not listed`,
                    file: file.path,
                });
        }
        else if (file.parsed === 'old-format') {
            go ??= graphFor('Go binaries (build info)', 'go build info');
            go.graph.warnings.push({
                message: `${file.path} is a Go binary built before Go 1.18, whose build info is not read`,
                file: file.path,
            });
        }
        else if (file.parsed && typeof file.parsed === 'object' && 'goVersion' in file.parsed) {
            const info = file.parsed;
            go ??= graphFor('Go binaries (build info)', 'go build info');
            go.add(`${file.path}#stdlib`, goRecord('stdlib', info.goVersion.replace(/^go/, '')), file.layer, file.path);
            if (info.main)
                go.add(`${file.path}#main`, goRecord(info.main.path, goMainVersion(info)), file.layer, file.path);
            for (const dep of info.deps)
                go.add(`${file.path}#${dep.path}`, goRecord(dep.path, dep.version), file.layer, file.path);
        }
    }
    for (const { graph, where } of pending) {
        const purls = await (0,purl/* purlsOf */.yM)(graph.packages);
        for (const [id, location] of where) {
            const purl = purls.get(id);
            if (purl && !locations.has(purl))
                locations.set(purl, { ...location, diffId: diffIds[location.layer] });
            const how = inferred.get(id);
            if (purl && how && !evidence.has(purl))
                evidence.set(purl, how);
        }
    }
    if (squashed.unreadable.length > 0) {
        const first = graphs[0] ?? graphFor(opened.name, 'container image').graph;
        for (const problem of squashed.unreadable.slice(0, 20))
            first.warnings.push({
                message: `Could not read ${problem}; its packages are not listed`,
                file: problem.split(' ')[0],
            });
    }
    if (graphs.length === 0) {
        graphs.push({
            ecosystem: 'image',
            file: opened.name,
            format: 'container image',
            packages: new Map(),
            edges: new Map(),
            direct: new Map(),
            warnings: [
                {
                    message: `Found no package database (dpkg, apk, rpm) and no language packages in ${opened.name}`,
                    file: opened.name,
                },
            ],
        });
    }
    return {
        graphs,
        root: await rootOf(opened, options),
        locations,
        evidence,
        distro,
        image: {
            name: opened.name,
            digest: opened.digest,
            imageId: opened.imageId,
            platform: platformOf(opened.config),
            scheme: opened.scheme,
            layers: diffIds,
        },
    };
}
/** Package-to-package edges of an OS package database (Depends / D:), besides the image's edge to each. */
function addEdges(graph, packages) {
    for (const [from, targets] of dependencyEdges(packages)) {
        if (!graph.packages.has(from))
            continue;
        graph.edges.set(from, new Map(targets.filter((t) => graph.packages.has(t)).map((t) => [t, 'prod'])));
    }
}
/** The layer in which each package (name, version, arch) appeared and stayed, from each layer's copy of the database. */
function introducedIn(squashed, path, parse) {
    const since = new Map();
    const versions = squashed.history.get(path) ?? [];
    for (const [i, version] of versions.entries()) {
        // A layer that replaces the file records its removal, then the new copy: only the last counts.
        if (versions[i + 1]?.layer === version.layer)
            continue;
        const present = new Set(version.data ? parse(version.data.toString('utf8')).map((p) => p.key) : []);
        for (const key of [...since.keys()])
            if (!present.has(key))
                since.delete(key);
        for (const key of present)
            if (!since.has(key))
                since.set(key, version.layer);
    }
    return since;
}
function findDistro(files) {
    for (const path of OS_RELEASE) {
        let file = files.get(path);
        // /etc/os-release is usually a symlink to ../usr/lib/os-release.
        for (let hops = 0; file?.link !== undefined && hops < 5; hops++) {
            file = files.get(external_node_path_.posix.normalize(file.link.startsWith('/') ? file.link : external_node_path_.posix.join(external_node_path_.posix.dirname(file.path), file.link)));
        }
        if (file?.data) {
            const distro = parseOsRelease(file.data.toString('utf8'), path);
            if (distro)
                return distro;
        }
    }
    return undefined;
}
/** rpm packages through the `rpm` tool on this machine, reading the image's database from a copy. */
async function catalogRpm(db, distro, graphFor) {
    const path = external_node_path_.posix.dirname(db[0].path);
    const { graph, add } = graphFor(path, 'rpm');
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'paved-sbom-rpmdb-'));
    try {
        for (const f of db) {
            const target = (0,external_node_path_.join)(dir, external_node_path_.posix.basename(f.path));
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
            (0,external_node_fs_.writeFileSync)(target, f.data ?? Buffer.alloc(0));
        }
        const fmt = '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{EPOCH}\\t%{ARCH}\\t%{LICENSE}\\t%{SOURCERPM}\\n';
        let result;
        try {
            result = await (0,exec/* exec */.m0)('rpm', ['--dbpath', dir, '-qa', '--qf', fmt], {
                quiet: true,
                ignoreReturnCode: true,
                timeoutMs: 120_000,
            });
        }
        catch {
            graph.warnings.push({
                message: `The image has an rpm database (${path}) but the rpm tool is not installed here, so its rpm packages were not read: install rpm on the runner to include them`,
                file: path,
            });
            return;
        }
        if (result.exitCode !== 0) {
            graph.warnings.push({
                message: `rpm could not read ${path}: ${result.stderr.trim().split('\n')[0]}`,
                file: path,
            });
            return;
        }
        const layer = Math.max(...db.map((f) => f.layer));
        for (const line of result.stdout.split('\n')) {
            const [name, version, epoch, arch, license, source] = line.split('\t');
            if (!name || !version)
                continue;
            const qualifiers = {};
            if (arch && arch !== '(none)')
                qualifiers.arch = arch;
            if (epoch && epoch !== '(none)')
                qualifiers.epoch = epoch;
            if (source && source !== '(none)')
                qualifiers.upstream = source;
            const d = distroQualifier(distro);
            if (d)
                qualifiers.distro = d;
            const record = {
                purlType: 'rpm',
                namespace: distro?.id,
                name,
                version,
                qualifiers,
                license: license && license !== '(none)' ? { expression: license, valid: false, source: path } : undefined,
            };
            add(`${name} ${version} ${arch}`, record, layer, path);
        }
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/** The image itself: its name, its digest as the version, and a `pkg:oci` purl. */
async function rootOf(opened, options) {
    const version = options.version ?? opened.digest ?? opened.imageId;
    const ref = opened.reference;
    const name = options.name ??
        (ref
            ? `${ref.registry === 'docker.io' ? '' : `${ref.registry}/`}${ref.repository.replace(/^library\//, ref.registry === 'docker.io' ? '' : 'library/')}${ref.tag ? `:${ref.tag}` : ''}`
            : opened.name);
    const { PackageURL } = await __webpack_require__.e(/* import() */ 91).then(__webpack_require__.t.bind(__webpack_require__, 7091, 23));
    const qualifiers = { arch: opened.config.architecture ?? 'unknown' };
    if (ref)
        qualifiers.repository_url = `${ref.registry}/${ref.repository}`;
    if (ref?.tag)
        qualifiers.tag = ref.tag;
    const digest = opened.digest ?? opened.imageId;
    const last = ref
        ? ref.repository.split('/').pop()
        : external_node_path_.posix
            .basename(opened.name)
            .replace(/[^a-z0-9._-]+/gi, '-')
            .toLowerCase();
    const purl = new PackageURL('oci', undefined, last, digest, qualifiers, undefined).toString();
    return { name, version, purl };
}
const OS_PURL = /^pkg:(deb|apk|rpm)\//;
/** Adds where each component was found: a `paved:layer` property (CycloneDX) and sourceInfo (SPDX). */
function describeCycloneDx(doc, scanned) {
    const metadata = doc.metadata;
    if (metadata.component) {
        metadata.component.type = 'container';
        const props = [
            ...(scanned.image.digest ? [{ name: 'paved:image:digest', value: scanned.image.digest }] : []),
            { name: 'paved:image:id', value: scanned.image.imageId },
            { name: 'paved:image:platform', value: scanned.image.platform },
            ...scanned.image.layers.map((l, i) => ({ name: `paved:image:layer:${i}`, value: l })),
            ...(scanned.distro
                ? [
                    {
                        name: 'paved:image:distro',
                        value: `${scanned.distro.id}${scanned.distro.versionId ? ` ${scanned.distro.versionId}` : ''}`,
                    },
                ]
                : []),
        ];
        metadata.component.properties = props;
    }
    for (const component of doc.components ?? []) {
        // A distro package's purl namespace is the distro, not a group it belongs to (as syft writes them).
        if (OS_PURL.test(component.purl))
            delete component.group;
        const location = scanned.locations.get(component.purl);
        if (!location)
            continue;
        const properties = component.properties ?? [];
        properties.push({ name: 'paved:layer', value: location.diffId }, { name: 'paved:layer-index', value: String(location.layer) }, { name: 'paved:location', value: location.path });
        component.properties = properties;
        const how = scanned.evidence.get(component.purl);
        if (how) {
            // CycloneDX 1.6 evidence.identity: one entry per inferred field, with the method and where it was read.
            component.evidence = {
                identity: how.map((e) => ({
                    field: e.field,
                    confidence: e.confidence,
                    concludedValue: e.value,
                    methods: [
                        { technique: e.technique, confidence: e.confidence, value: `${location?.path ?? ''}: ${e.source}` },
                    ],
                })),
            };
        }
    }
}
function describeSpdx(doc, scanned) {
    const packages = doc.packages ?? [];
    const root = packages[0];
    if (root) {
        root.primaryPackagePurpose = 'CONTAINER';
        root.comment = `Container image ${scanned.image.name} (${scanned.image.platform}), image id ${scanned.image.imageId}${scanned.image.digest ? `, digest ${scanned.image.digest}` : ''}; layers ${scanned.image.layers.join(', ')}.`;
    }
    for (const pkg of packages.slice(1)) {
        const purl = pkg.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;
        const location = purl ? scanned.locations.get(purl) : undefined;
        if (purl && OS_PURL.test(purl) && typeof pkg.name === 'string')
            pkg.name = pkg.name.slice(pkg.name.indexOf('/') + 1);
        // `comment` rather than `sourceInfo`: the validator admits only the fields the writer emits.
        if (location)
            pkg.comment = `Found in layer ${location.layer} (${location.diffId}) at ${location.path}.`;
        const how = purl ? scanned.evidence.get(purl) : undefined;
        if (how)
            pkg.comment =
                `${pkg.comment ?? ''} Identified without pom.properties: ${how.map((e) => `${e.field} ${e.value} from ${e.source}`).join('; ')}.`.trim();
    }
}


/***/ })

};
