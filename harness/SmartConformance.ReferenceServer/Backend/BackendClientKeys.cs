namespace SmartConformance.ReferenceServer.Backend;

/// <summary>
/// The public halves of the test keys the backend clients sign their assertions with (RS384 and ES384). The private
/// halves are test-only keys in profiles/reference.json; nothing else may trust them.
/// </summary>
internal static class BackendClientKeys
{
    public const string JsonWebKeySet = """
        {"keys": [{"kty": "RSA", "kid": "TEST-ONLY-backend-rs384", "alg": "RS384", "use": "sig", "n": "ta7Modl0vQ3BQC3VU9l9HpUvG8Fcxvz6RCwtW6yF54LLRN5MQCdFCDYhu1T9020yw1qFISm8kwqN5zoKgjQqQR9a1bCaIxbvufxBCPQ4oA00HG1GwfZWSGKoVRrzy1mY5TsqiNgDoG3O97t8XStSp3yx8GBe_s1WltrJ44cDUECtrFlssaeSPAtVurcfMmWt39BKlTApfiAMoJlnvvd5mkShx6b02JGgWVG3MT_Q9whyqhBlpjOFNxBVcAAsgthzL-T3WXAGjMKeQ0B2KLTWr6gYqt4sArOeZq2nTuwxVeFZ1hXGKPQv4bcGKeIY8I2qCXTJ67XNx5nBFZdOhret6w", "e": "AQAB"}, {"kty": "EC", "kid": "TEST-ONLY-backend-es384", "alg": "ES384", "use": "sig", "crv": "P-384", "x": "PCOQlAgSUHU0yGduP7IRFu_Skt5gaU03KeDkcFE71-vRzIXAxwuqiBnIrfjSpVZp", "y": "VBjvhJszJC6JehGCj1k9eOPcXmxbz2lFGXPcY_4KPlytd_iwpkdBZ-4KBhTRrbtV"}]}
        """;
}
