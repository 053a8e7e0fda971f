import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  channelFromPath,
  cookieValue,
  isAllowedHost,
  isAllowedOrigin,
  isJsonContentType,
  isValidToken,
} from '../../electron/web/request-guard';

const port = 4321;
const token = 'k3Vq0mX9w1c7sLr2t8YbA-Zp_4NeGhJd';

describe('request guards of browser mode', () => {
  it.each([
    ['127.0.0.1:4321', true],
    ['localhost:4321', true],
    [undefined, false],
    ['', false],
    ['127.0.0.1', false],
    ['127.0.0.1:4322', false],
    ['evil.example:4321', false],
    ['127.0.0.1.evil.example:4321', false],
    ['LOCALHOST:4321 ', false],
    ['[::1]:4321', false],
  ])('Host %j → %s', (host, expected) => {
    expect(isAllowedHost(host, port)).toBe(expected);
  });

  it.each([
    [undefined, true],
    ['http://127.0.0.1:4321', true],
    ['http://localhost:4321', true],
    ['null', false],
    ['https://127.0.0.1:4321', false],
    ['http://127.0.0.1:4322', false],
    ['http://evil.example', false],
    ['http://127.0.0.1:4321.evil.example', false],
    ['', false],
  ])('Origin %j → %s', (origin, expected) => {
    expect(isAllowedOrigin(origin, port)).toBe(expected);
  });

  it.each([
    [`Bearer ${token}`, token],
    [`bearer ${token}`, undefined],
    [`Bearer  ${token}`, undefined],
    [`Bearer ${token}; x`, undefined],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer ', undefined],
    ['Bearer short', undefined],
    [`Bearer ${'a'.repeat(5000)}`, undefined],
    [undefined, undefined],
  ])('Authorization %j → %j', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });

  it.each([
    [token, true],
    [undefined, false],
    ['', false],
    [token.slice(0, -1), false],
    [`${token}x`, false],
    [token.toUpperCase(), false],
  ])('token %j valid: %s', (presented, expected) => {
    expect(isValidToken(presented, token)).toBe(expected);
  });

  it('accepts nothing when the server token is empty', () => {
    expect(isValidToken('', '')).toBe(false);
  });

  it.each([
    ['/api/app:info', 'app:info'],
    ['/api/vault:unlock', 'vault:unlock'],
    ['/api/app:info/', undefined],
    ['/api/../app:info', undefined],
    ['/api/APP:INFO', undefined],
    ['/api/app', undefined],
    ['/api/app:info%00', undefined],
    ['/api/__proto__:x', undefined],
  ])('channel of %s → %j', (path, expected) => {
    expect(channelFromPath(path)).toBe(expected);
  });

  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON', true],
    ['text/plain', false],
    ['application/x-www-form-urlencoded', false],
    ['multipart/form-data; boundary=x', false],
    ['application/json-evil', false],
    [undefined, false],
  ])('Content-Type %j → %s', (type, expected) => {
    expect(isJsonContentType(type)).toBe(expected);
  });

  it('reads a cookie by name only', () => {
    expect(cookieValue('a=1; habeas-media-1=xyz=; b=2', 'habeas-media-1')).toBe('xyz=');
    expect(cookieValue('xhabeas-media-1=1', 'habeas-media-1')).toBeUndefined();
    expect(cookieValue(undefined, 'x')).toBeUndefined();
  });
});
